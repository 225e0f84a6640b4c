/**
 * A scenario sent over IPC is checked step by step before the simulator sees it: a hostile or
 * broken page gets a message naming the field, never a JavaScript error from inside the simulator.
 */
import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../../../shared/design';
import { INVOKE } from '../../../shared/ipc/channels';
import { invokeSchemas, parsePayload } from '../../../shared/ipc/schemas';
import { parseScenario } from '../../../shared/simulation/scenario';

const request = invokeSchemas[INVOKE.runSimulation].request;
const run = (scenario: unknown) => parsePayload(INVOKE.runSimulation, request, { runId: 'r1', design: emptyDesign('d'), scenario });

describe('runSimulation scenario over IPC', () => {
  it('accepts what parseScenario produces', () => {
    const text = 'steps:\n  - wait: 10s\n  - scale: {target: deploy/web, replicas: 3}\n  - startTraffic: {name: f, from: external, to: "http://shop/", rate: 5}\n  - apply:\n      manifests: |\n        apiVersion: v1\n        kind: ConfigMap\n        metadata: {name: c}\n';
    const parsed = parseScenario(text, 's.yaml');
    if ('error' in parsed) throw new Error(parsed.error.message);
    const checked = run(parsed.scenario);
    expect(checked.ok && checked.value.scenario).toEqual(parsed.scenario);
  });

  it.each([
    [{ steps: 'x' }, 'scenario.steps: Invalid input: expected array, received string'],
    [{ steps: [null] }, 'scenario.steps[0]: Invalid input: expected object, received null'],
    [{ steps: [{ action: 'scale', kind: 'Deployment', namespace: 'default', name: 'web', replicas: -1 }] }, 'scenario.steps[0].replicas: Too small: expected number to be >=0'],
    [{ steps: [{ action: 'apply', objects: [{ kind: 'Pod' }] }] }, 'scenario.steps[0].objects[0].apiVersion: Invalid input: expected string, received undefined'],
    [{ steps: [{ action: 'explode' }] }, 'scenario.steps[0].action: Invalid discriminator value'],
  ])('refuses %j with a message naming the field', (scenario, message) => {
    const checked = run(scenario);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toContain(message);
  });
});
