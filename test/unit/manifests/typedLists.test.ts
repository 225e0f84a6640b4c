// Typed lists (`PodList`, `NamespaceList`, `DeploymentList`…) as the API server and `kubectl get
// -o yaml|json` return them: the items carry no apiVersion and no kind, the list's type says what
// they are (https://kubernetes.io/docs/reference/using-api/api-concepts/#collections). And
// documents that are no Kubernetes object inside a folder: skipped with a warning there, an error
// in a file named explicitly.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../../main/core/inputs';
import { exportManifests, parseManifests } from '../../../shared/manifests';

const podList = `apiVersion: v1
kind: PodList
metadata:
  resourceVersion: "2996123"
items:
- metadata:
    name: web-7d4b9c-x2x9p
    namespace: shop
    labels: { app: web }
  spec:
    containers:
    - name: web
      image: nginx
- metadata:
    name: web-7d4b9c-q8m2z
    namespace: shop
  spec:
    containers:
    - name: web
      image: nginx
`;

describe('typed lists', () => {
  it('gives a PodList’s bare items apiVersion v1 and kind Pod, first, with each item’s line', () => {
    const { objects, errors } = parseManifests(podList, 'pods.yaml');
    expect(errors).toEqual([]);
    expect(objects.map((o) => [o.object.apiVersion, o.object.kind, o.object.metadata.name, o.source.line])).toEqual([
      ['v1', 'Pod', 'web-7d4b9c-x2x9p', 6],
      ['v1', 'Pod', 'web-7d4b9c-q8m2z', 14],
    ]);
    // apiVersion and kind lead, as kubectl writes an object; the item's own keys follow in their order.
    expect(Object.keys(objects[0]!.object)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });

  it('takes the group and version from the list: a DeploymentList of apps/v1 holds apps/v1 Deployments', () => {
    const json = JSON.stringify({ kind: 'DeploymentList', apiVersion: 'apps/v1', items: [{ metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 2 } }] }, null, 2);
    const { objects, errors } = parseManifests(json, 'deployments.json');
    expect(errors).toEqual([]);
    expect(objects[0]!.object).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 2 } });
    expect(objects[0]!.source.line).toBe(5);
  });

  it('uses the kind catalogue when the list has no apiVersion, and keeps what an item says itself', () => {
    const text = `kind: NamespaceList
items:
- metadata: { name: shop }
- apiVersion: v1
  kind: Namespace
  metadata: { name: billing }
`;
    const { objects, errors } = parseManifests(text, 'ns.yaml');
    expect(errors).toEqual([]);
    expect(objects.map((o) => o.object)).toEqual([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'billing' } },
    ]);
  });

  it('a plain List still needs apiVersion and kind on every item', () => {
    const { objects, errors } = parseManifests('apiVersion: v1\nkind: List\nitems:\n- metadata: { name: a }\n', 'list.yaml');
    expect(objects).toEqual([]);
    expect(errors).toEqual([{ file: 'list.yaml', line: 4, message: 'object "a" has no apiVersion' }]);
  });

  it('a list of an unknown kind without apiVersion says which item has none', () => {
    const { errors } = parseManifests('kind: WidgetList\nitems:\n- metadata: { name: w }\n', 'w.yaml');
    expect(errors).toEqual([{ file: 'w.yaml', line: 3, message: 'Widget "w" has no apiVersion' }]);
  });

  it('round trip: the export of a read PodList reads back to the same objects', () => {
    const first = parseManifests(podList, 'pods.yaml').objects.map((o) => o.object);
    const again = parseManifests(exportManifests(first), 'export.yaml');
    expect(again.errors).toEqual([]);
    expect(again.objects.map((o) => o.object)).toEqual(first);
    expect(exportManifests(again.objects.map((o) => o.object))).toBe(exportManifests(first));
  });
});

describe('documents that are no Kubernetes object', () => {
  const expectedResults = '[\n  { "src": "a", "dst": "b", "conn": "All Connections" }\n]\n';

  it('are errors by default, and skipped with file and line when asked', () => {
    expect(parseManifests(expectedResults, 'out.json').errors).toEqual([{ file: 'out.json', line: 1, message: 'document is a sequence, not a Kubernetes object (a mapping with apiVersion and kind)' }]);
    const skipped = parseManifests(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n---\nfoo: bar\n---\n- 1\n`, 'mixed.yaml', { skipNonObjects: true });
    expect(skipped.errors).toEqual([]);
    expect(skipped.objects.map((o) => o.object.metadata.name)).toEqual(['c']);
    expect(skipped.skipped).toEqual([
      { file: 'mixed.yaml', line: 5, message: 'document is a mapping with neither apiVersion nor kind, not a Kubernetes object; skipped' },
      { file: 'mixed.yaml', line: 7, message: 'document is a sequence, not a Kubernetes object; skipped' },
    ]);
  });

  it('a document that means to be an object (it has a kind) stays an error even when skipping', () => {
    const r = parseManifests('kind: ConfigMap\nmetadata: { name: c }\n', 'c.yaml', { skipNonObjects: true });
    expect(r.skipped).toEqual([]);
    expect(r.errors).toEqual([{ file: 'c.yaml', line: 1, message: 'ConfigMap "c" has no apiVersion' }]);
  });

  it('inside a folder: skipped with a warning naming file and line; the folder’s objects load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeplan-lists-'));
    writeFileSync(join(dir, 'pods.yaml'), podList);
    writeFileSync(join(dir, 'expected.json'), expectedResults);
    const r = await loadInputs([dir]);
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['web-7d4b9c-x2x9p', 'web-7d4b9c-q8m2z']);
    expect(r.warnings).toEqual([`${join(dir, 'expected.json')}:1: document is a sequence, not a Kubernetes object; skipped`]);
  });

  it('a file named explicitly that holds none is still an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeplan-lists-'));
    writeFileSync(join(dir, 'expected.json'), expectedResults);
    const r = await loadInputs([join(dir, 'expected.json')]);
    expect(r.objects).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.errors).toEqual([{ file: join(dir, 'expected.json'), line: 1, message: 'document is a sequence, not a Kubernetes object (a mapping with apiVersion and kind)' }]);
  });
});
