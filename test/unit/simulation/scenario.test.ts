import { describe, expect, it } from 'vitest';
import { parseDuration, parseScenario, parseTarget } from '../../../shared/simulation';

describe('scenario files', () => {
  it('reads every step kind', () => {
    const text = `name: all
steps:
  - wait: steady
  - wait: 2m
  - apply: extra.yaml
  - apply:
      manifests: |
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
  - applyAgain
  - scale: {target: deploy/web, namespace: shop, replicas: 3}
  - setImage: {target: deployment/web, namespace: shop, image: "nginx:1.28"}
  - rollback: {target: deployment/web, namespace: shop, toRevision: 1}
  - deletePod: {namespace: shop, owner: deployment/web}
  - delete: {target: ns/shop}
  - cordon: node-1
  - drain: node-2
  - addNode: {name: node-9, cpu: "2", memory: 4Gi}
  - setLoad: {target: deployment/web, namespace: shop, cpu: 1500m}
  - startTraffic: {name: f, from: external, to: "http://a/b", rate: 3}
  - stopTraffic: f
`;
    const r = parseScenario(text, 's.yaml');
    if ('error' in r) throw new Error(r.error.message);
    expect(r.scenario.steps.map((s) => s.action)).toEqual(['wait', 'wait', 'apply', 'apply', 'applyAgain', 'scale', 'setImage', 'rollback', 'deletePod', 'delete', 'cordon', 'drain', 'addNode', 'setLoad', 'startTraffic', 'stopTraffic']);
    expect(r.scenario.steps[1]).toEqual({ action: 'wait', seconds: 120, line: 4 });
    expect(r.scenario.steps[3]).toMatchObject({ action: 'apply', objects: [{ kind: 'ConfigMap', metadata: { name: 'c' } }] });
    expect(r.scenario.steps[5]).toMatchObject({ kind: 'Deployment', name: 'web', namespace: 'shop', replicas: 3 });
    expect(r.scenario.steps[9]).toMatchObject({ kind: 'Namespace', name: 'shop' });
  });

  it.each([
    ['steps: [{wait: soon}]', 1, 'step 1: wait: use a duration like 30s or 2m, or "steady"'],
    ['name: x\nsteps:\n  - wait: 1s\n  - explode: now\n', 4, 'step 2: unknown step "explode"'],
    ['steps:\n  - scale: {target: web, replicas: 2}\n', 2, 'step 1: scale: target must look like deployment/web'],
    ['steps: [a, b', undefined, ''],
    ['just text', 1, 'a scenario is a mapping with a "steps" list'],
  ])('reports %j with file and line', (text, line, message) => {
    const r = parseScenario(text, 'bad.yaml');
    expect('error' in r).toBe(true);
    if (!('error' in r)) return;
    expect(r.error.file).toBe('bad.yaml');
    if (line !== undefined) expect(r.error.line).toBe(line);
    expect(r.error.message).toContain(message);
  });

  it('reads targets and durations as kubectl does', () => {
    expect(parseTarget('sts/db')).toEqual({ kind: 'StatefulSet', name: 'db' });
    expect(parseTarget('deployments.apps/web')).toEqual({ kind: 'Deployment', name: 'web' });
    expect(parseTarget('web')).toBeUndefined();
    expect([parseDuration('90s'), parseDuration('1.5m'), parseDuration(5), parseDuration('1h'), parseDuration('x')]).toEqual([90, 90, 5, 3600, undefined]);
  });
});
