import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/manifests';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
`;

describe('parseManifests', () => {
  it('reads every document of a multi-document file with its 1-based line and index', () => {
    const text = `# leading comment\n${deployment}---\napiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: shop }\n`;
    const { objects, errors } = parseManifests(text, 'app.yaml');
    expect(errors).toEqual([]);
    expect(objects.map((o) => [o.object.kind, o.source])).toEqual([
      ['Deployment', { file: 'app.yaml', line: 2, index: 0 }],
      ['Service', { file: 'app.yaml', line: 10, index: 1 }],
    ]);
  });

  it('skips empty documents and comment-only documents', () => {
    const text = `---\n---\n# nothing here\n---\n${deployment}---\n`;
    const { objects, errors } = parseManifests(text, 'a.yaml');
    expect(errors).toEqual([]);
    expect(objects).toHaveLength(1);
    expect(objects[0]!.source.line).toBe(5);
  });

  it('expands kind: List into its items, each with its own line', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: a }
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: b
`;
    const { objects, errors } = parseManifests(text, 'list.yaml');
    expect(errors).toEqual([]);
    expect(objects.map((o) => [o.object.metadata.name, o.source.line])).toEqual([
      ['a', 4],
      ['b', 7],
    ]);
  });

  it('reads JSON, including a JSON List', () => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }] }, null, 2);
    const { objects, errors } = parseManifests(text, 'ns.json');
    expect(errors).toEqual([]);
    expect(objects[0]!.object).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    expect(objects[0]!.source.line).toBe(5);
  });

  it('keeps unknown fields, unknown kinds and key order', () => {
    const text = `kind: Widget
metadata: { name: w, annotations: { z: "1", a: "2" } }
apiVersion: example.com/v1alpha1
spec: { zeta: 1, alpha: { nested: [3, 2, 1] } }
x-extra: true
`;
    const { objects } = parseManifests(text, 'w.yaml');
    const o = objects[0]!.object;
    expect(Object.keys(o)).toEqual(['kind', 'metadata', 'apiVersion', 'spec', 'x-extra']);
    expect(Object.keys(o.metadata.annotations!)).toEqual(['z', 'a']);
    expect(o.spec).toEqual({ zeta: 1, alpha: { nested: [3, 2, 1] } });
  });

  it('keeps timestamps and YAML 1.1-looking words as the strings they are in YAML 1.2', () => {
    const { objects } = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { when: 2024-01-01, flag: yes }\n', 'c.yaml');
    expect(objects[0]!.object.data).toEqual({ when: '2024-01-01', flag: 'yes' });
  });

  it('applies merge keys the way Kubernetes reads them', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\nx-defaults: &d { LOG: info, PORT: "80" }\ndata:\n  <<: *d\n  PORT: "8080"\n`;
    const { objects, errors } = parseManifests(text, 'merge.yaml');
    expect(errors).toEqual([]);
    expect(objects[0]!.object.data).toEqual({ LOG: 'info', PORT: '8080' });
  });

  it('ignores a byte-order mark', () => {
    const { objects, errors } = parseManifests(`\uFEFF${deployment}`, 'bom.yaml');
    expect(errors).toEqual([]);
    expect(objects).toHaveLength(1);
  });

  it('gives each object its own copy of aliased values', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, labels: &l { app: x } }\ndata: { a: "1" }\nextra: *l\n`;
    const { objects, errors } = parseManifests(text, 'alias.yaml');
    expect(errors).toEqual([]);
    const o = objects[0]!.object as Record<string, unknown> & { metadata: { labels: object } };
    expect(o.extra).toEqual({ app: 'x' });
    expect(o.extra).not.toBe(o.metadata.labels);
  });
});
