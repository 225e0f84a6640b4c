import { describe, expect, it } from 'vitest';
import {
  DESIGN_FORMAT_VERSION,
  defaultCluster,
  designObjects,
  emptyDesign,
  isDesignText,
  MIGRATIONS,
  newResourceId,
  parseDesign,
  serializeDesign,
  type Design,
} from '../../../shared/design';
import type { KubeObject } from '../../../shared/model/object';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'hello-node', namespace: 'default', labels: { app: 'hello-node' } },
  spec: { replicas: 1, selector: { matchLabels: { app: 'hello-node' } }, template: { metadata: { labels: { app: 'hello-node' } }, spec: { containers: [{ name: 'agnhost', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53' }] } } },
  'x-unknown-field': { keep: ['me', 1] },
};
const widget: KubeObject = { kind: 'Widget', apiVersion: 'example.com/v1', metadata: { name: 'w', namespace: 'default' }, spec: { z: 1, a: 2 } };

function sample(): Design {
  const d = emptyDesign('hello');
  d.resources = [
    { id: 'r1', object: deployment },
    { id: 'r7', object: widget },
  ];
  d.layout = { positions: { r1: { x: 80, y: 120 }, r7: { x: 300, y: 120 } }, frames: { default: { x: 40, y: 40, width: 720, height: 420 } } };
  d.cluster.nodes[0]!.taints = [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }];
  return d;
}

function ok(text: string, file = 'd.kubeplan.yaml') {
  const r = parseDesign(text, file);
  if ('error' in r) throw new Error(`unexpected error: ${JSON.stringify(r.error)}`);
  return r;
}

function err(text: string, file = 'd.kubeplan.yaml') {
  const r = parseDesign(text, file);
  if (!('error' in r)) throw new Error('expected an error');
  expect(r.error.file).toBe(file);
  expect(r.error.message).not.toContain('\n');
  return r.error;
}

describe('design file', () => {
  it('saves and reopens a design unchanged: objects, key order, layout, cluster', () => {
    const d = sample();
    const text = serializeDesign(d);
    const back = ok(text);
    expect(back.warnings).toEqual([]);
    expect(back.design).toEqual(d);
    expect(Object.keys(back.design.resources[1]!.object)).toEqual(['kind', 'apiVersion', 'metadata', 'spec']);
    expect(serializeDesign(back.design)).toBe(text);
  });

  it('writes the documented format: kubeplan version first, objects untouched under resources[].object', () => {
    const text = serializeDesign(sample());
    expect(text).toMatch(/^# Kubeplan design file/);
    // Without flows the design is written as format 1 (the oldest that holds it); designFlows.test.ts covers format 2.
    expect(text).toContain(`\nkubeplan: 1\nname: hello\ncluster:\n`);
    expect(text).toContain('    default: { x: 40, y: 40, width: 720, height: 420 }\n');
    expect(text).toContain('  - id: r1\n    position: { x: 80, y: 120 }\n');
    expect(text).toContain('    object:\n      apiVersion: apps/v1\n      kind: Deployment\n');
    expect(isDesignText(text)).toBe(true);
  });

  it('writes layout keys plainly but keeps YAML 1.1-safe quoting inside Kubernetes objects', () => {
    const d = sample();
    d.resources.push({ id: 'r8', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' }, data: { y: 'on' } } });
    d.layout.positions.r8 = { x: 500, y: 120 };
    const text = serializeDesign(d);
    expect(text).toContain("        name: 'y'\n");
    expect(text).toContain("        'y': 'on'\n");
    expect(text).not.toContain("'y': 120");
    expect(ok(text).design).toEqual(d);
  });

  it('tells designs from manifests', () => {
    expect(isDesignText('apiVersion: v1\nkind: ConfigMap\n')).toBe(false);
    expect(isDesignText('# a comment\nname: x\nkubeplan: 1\n')).toBe(true);
    expect(isDesignText('{"kubeplan": 1, "name": "x"}')).toBe(true);
    expect(isDesignText('data:\n  kubeplan: 1\n')).toBe(false);
  });

  it('gives objects the line they start on, for problems', () => {
    const text = serializeDesign(sample());
    const lines = text.split('\n');
    const r = ok(text);
    expect(lines[r.objectLines[0]! - 1]).toBe('      apiVersion: apps/v1');
    expect(lines[r.objectLines[1]! - 1]).toBe('      kind: Widget');
  });

  it('fills in defaults: name from the file, the default cluster, auto-layout for resources without a position', () => {
    const r = ok('kubeplan: 1\nresources:\n  - id: a\n    object: { apiVersion: v1, kind: ConfigMap, metadata: { name: c, namespace: shop } }\n', 'dir/shop.kubeplan.yaml');
    expect(r.design.name).toBe('shop');
    expect(r.design.cluster).toEqual(defaultCluster());
    expect(r.design.layout.positions.a).toBeDefined();
    expect(r.design.layout.frames.shop).toBeDefined();
  });

  it('keeps node capacities written as numbers as quantity strings', () => {
    const r = ok('kubeplan: 1\ncluster:\n  nodes:\n    - { name: n1, cpu: 8, memory: 16Gi, pods: 110 }\nresources: []\n');
    expect(r.design.cluster.nodes).toEqual([{ name: 'n1', cpu: '8', memory: '16Gi', pods: 110 }]);
  });

  it('warns about unknown top-level fields', () => {
    const r = ok('kubeplan: 1\nname: x\nsimulations: []\nresources: []\n');
    expect(r.warnings).toEqual(['line 3: unknown field "simulations" ignored']);
    const o = '{ apiVersion: v1, kind: ConfigMap, metadata: { name: c } }';
    expect(ok(`kubeplan: 1\nresources:\n  - id: r1\n    locked: true\n    object: ${o}\n`).warnings).toEqual(['line 4: unknown field "resources[0].locked" ignored']);
  });
});

describe('design file errors name file and line', () => {
  it('malformed YAML', () => {
    expect(err('kubeplan: 1\nresources:\n  - id: [r1\n')).toMatchObject({ line: 4, message: expect.stringMatching(/^malformed YAML/) });
  });

  it('a wrong type', () => {
    expect(err('kubeplan: 1\nname: x\nresources:\n  - id: r1\n    position: { x: left, y: 3 }\n    object: { apiVersion: v1, kind: ConfigMap, metadata: { name: c } }\n')).toEqual({
      file: 'd.kubeplan.yaml',
      line: 5,
      message: 'resources[0].position.x must be a number, not string "left"',
    });
  });

  it('a missing field', () => {
    expect(err('kubeplan: 1\nresources:\n  - position: { x: 1, y: 3 }\n    object: { apiVersion: v1, kind: ConfigMap, metadata: { name: c } }\n')).toEqual({
      file: 'd.kubeplan.yaml',
      line: 3,
      message: 'resources[0].id is missing',
    });
  });

  it('an object without a kind', () => {
    expect(err('kubeplan: 1\nresources:\n  - id: r1\n    object:\n      apiVersion: v1\n      metadata: { name: c }\n')).toEqual({
      file: 'd.kubeplan.yaml',
      line: 5,
      message: 'resources[0].object: object "c" has no kind',
    });
  });

  it('a duplicate resource id', () => {
    const o = '{ apiVersion: v1, kind: ConfigMap, metadata: { name: c } }';
    expect(err(`kubeplan: 1\nresources:\n  - id: r1\n    object: ${o}\n  - id: r1\n    object: ${o}\n`)).toMatchObject({ line: 5, message: 'resources[1].id "r1" is already used by resources[0]' });
  });

  it('a newer format than this version reads', () => {
    expect(err('name: x\nkubeplan: 99\n')).toEqual({ file: 'd.kubeplan.yaml', line: 2, message: `design format 99 is newer than this Kubeplan reads (format ${DESIGN_FORMAT_VERSION}); update Kubeplan to open it` });
  });

  it('a manifest opened as a design', () => {
    expect(err('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n').message).toMatch(/Kubernetes manifest, not a Kubeplan design/);
  });

  it('an empty file', () => {
    expect(err('# nothing\n')).toMatchObject({ line: 1, message: expect.stringMatching(/^empty design file/) });
  });

  it('binary garbage', () => {
    expect(err('kubeplan: 1\n\u0000\u0000')).toMatchObject({ line: 2, message: expect.stringMatching(/binary data/) });
  });
});

describe('migration of older formats', () => {
  it('has a step from every older version to the current one', () => {
    for (let v = 0; v < DESIGN_FORMAT_VERSION; v++) expect(MIGRATIONS.some((s) => s.from === v)).toBe(true);
  });

  it('opens format 0 (a bare list of objects) with ids, a layout and a warning', () => {
    const r = ok(`- apiVersion: v1\n  kind: Namespace\n  metadata: { name: shop }\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: { name: c, namespace: shop }\n  data: { a: "1" }\n`, 'old.kubeplan.yaml');
    expect(r.design.formatVersion).toBe(DESIGN_FORMAT_VERSION);
    expect(r.design.name).toBe('old');
    expect(r.design.resources.map((x) => x.id)).toEqual(['r1', 'r2']);
    expect(designObjects(r.design).map((o) => o.kind)).toEqual(['Namespace', 'ConfigMap']);
    expect(r.design.layout.frames.shop).toBeDefined();
    expect(Object.keys(r.design.layout.positions).sort()).toEqual(['r1', 'r2']);
    expect(r.warnings[0]).toMatch(/format 0 .* migrated/);
    expect(r.objectLines).toEqual([1, 4]);
  });

  it('reports errors in a format 0 file at the line of the file as written', () => {
    expect(err('- apiVersion: v1\n  kind: ConfigMap\n  metadata: { name: a }\n- apiVersion: v1\n  metadata: { name: b }\n')).toEqual({
      file: 'd.kubeplan.yaml',
      line: 4,
      message: 'resources[1].object: object "b" has no kind',
    });
  });
});

describe('resource ids', () => {
  it('newResourceId is one past the highest r<n> in use', () => {
    const d = sample();
    expect(newResourceId(d)).toBe('r8');
    expect(newResourceId(emptyDesign())).toBe('r1');
  });
});
