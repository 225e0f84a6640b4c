// The console's Tab completion: verbs, subcommands, resource types, names of the kind, flags' values.
import { describe, expect, it } from 'vitest';
import { complete, type CompletionData } from '../../../renderer/console/complete';

const data: CompletionData = {
  names: (kind) => ({ Pod: ['web-1', 'web-2', 'db-0'], Deployment: ['web', 'worker'], Namespace: ['shop', 'default'], Node: ['node-1', 'node-2'] })[kind] ?? [],
  contexts: ['admin', 'dev'],
};

describe('console completion', () => {
  it.each([
    ['desc', 'describe '],
    ['kubectl sc', 'kubectl scale '],
    ['rollout u', 'rollout undo '],
    ['get deploy wo', 'get deploy worker '],
    ['get deployments w', 'get deployments w'],
    ['describe deploy/wor', 'describe deploy/worker '],
    ['get pods -n sh', 'get pods -n shop '],
    ['get pods -o ya', 'get pods -o yaml '],
    ['cordon node-2', 'cordon node-2 '],
    ['config use-context d', 'config use-context dev '],
    ['get po --all-n', 'get po --all-namespaces '],
  ])('%s → %s', (line, want) => {
    expect(complete(line, data).line).toBe(want);
  });

  it('several candidates: their common prefix and the list', () => {
    expect(complete('get pods web', data)).toEqual({ line: 'get pods web-', candidates: ['web-1', 'web-2'] });
    expect(complete('get deploy', data)).toEqual({ line: 'get deployments ', candidates: [] });
  });
});
