import { describe, expect, it } from 'vitest';
import { emptyDesign, type Design } from '../../../shared/design/types';
import { importAsDesign, isDesignText, parseDesignText, parseManifestsText, serializeDesign } from '../../../renderer/api/formats';

function sample(): Design {
  const d = emptyDesign('shop');
  d.resources = [
    { id: 'r1', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } },
    { id: 'r2', object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 2, custom: { kept: true } } } },
  ];
  d.layout = { positions: { r1: { x: 40, y: 40 }, r2: { x: 80, y: 100 } }, frames: { shop: { x: 40, y: 40, width: 400, height: 200 } } };
  return d;
}

describe('design files in the browser build', () => {
  it('a saved design reads back to the same design, unknown fields and layout included', () => {
    const d = sample();
    const text = serializeDesign(d);
    expect(isDesignText(text)).toBe(true);
    const back = parseDesignText(text, 'shop.kubeplan.yaml');
    expect(back).toMatchObject({ design: d, warnings: [] });
  });

  it('a design with a YAML error reports the file and the line', () => {
    const r = parseDesignText('kubeplan: 1\nname: x\nresources:\n  - id: r1\n    object: {apiVersion: v1\n', 'bad.kubeplan.yaml');
    expect(r).toMatchObject({ error: { file: 'bad.kubeplan.yaml', line: expect.any(Number) } });
  });

  it('plain manifests are not mistaken for a design', () => {
    expect(isDesignText('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n')).toBe(false);
    expect(parseDesignText('apiVersion: v1\nkind: Service\n', 'svc.yaml')).toMatchObject({ error: { message: expect.stringContaining('kubeplan') } });
  });

  it('imported manifests get one frame per namespace with every namespaced object inside it', () => {
    const text = ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: a', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: b'].join('\n---\n');
    const { objects, errors } = parseManifestsText(text, 'm.yaml');
    expect(errors).toEqual([]);
    const d = importAsDesign(objects, 'm');
    expect(Object.keys(d.layout.frames).sort()).toEqual(['a', 'b']);
    const svc = d.resources.find((r) => r.object.kind === 'Service')!;
    const p = d.layout.positions[svc.id]!;
    const f = d.layout.frames.a!;
    expect(p.x >= f.x && p.y >= f.y && p.x < f.x + f.width && p.y < f.y + f.height).toBe(true);
  });
});
