// The browser worker's import reads what the CLI reads: typed lists (a `kubectl get -o json` dump),
// and in a picked folder, JSON or YAML that is no Kubernetes object is skipped with a warning.
import { describe, expect, it } from 'vitest';
import { workerApi } from '../../../renderer/api/worker';

const pods = JSON.stringify({
  kind: 'PodList', apiVersion: 'v1',
  items: [{ metadata: { name: 'web-1', namespace: 'shop' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }],
});
const results = '[{"src": "a", "dst": "b"}]';

describe('workerApi.readFiles', () => {
  it('imports a PodList dump as Pods', () => {
    const r = workerApi.readFiles([{ name: 'pods.json', text: pods }], 'dump');
    expect(r.kind).toBe('manifests');
    if (r.kind !== 'manifests') return;
    expect(r.design.resources.map((x) => [x.object.apiVersion, x.object.kind, x.object.metadata.name])).toEqual([['v1', 'Pod', 'web-1']]);
  });

  it('in a folder, skips a non-object file with a warning; picked on its own, it is an error', () => {
    const folder = workerApi.readFiles([{ name: 'case/pods.json', text: pods }, { name: 'case/expected.json', text: results }], 'case', { folder: true });
    expect(folder.kind).toBe('manifests');
    if (folder.kind !== 'manifests') return;
    expect(folder.count).toBe(1);
    expect(folder.warnings).toEqual(['case/expected.json:1: document is a sequence, not a Kubernetes object; skipped']);
    const alone = workerApi.readFiles([{ name: 'expected.json', text: results }], 'x');
    expect(alone).toEqual({ kind: 'error', error: { file: 'expected.json', line: 1, message: 'document is a sequence, not a Kubernetes object (a mapping with apiVersion and kind)' } });
  });
});
