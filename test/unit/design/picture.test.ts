/** The picture of a design (shared/design/picture.ts): cards, frames, edges and labels, valid XML. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { parseDesign, renderDesignPicture } from '../../../shared/design';
import type { Design } from '../../../shared/design';

const ROOT = resolve(__dirname, '..', '..', '..');
function example(id: string): Design {
  const parsed = parseDesign(readFileSync(join(ROOT, 'assets', 'examples', `${id}.kubeplan.yaml`), 'utf8'), `${id}.kubeplan.yaml`);
  if (!('design' in parsed) || !parsed.design) throw new Error(`cannot read ${id}`);
  return parsed.design;
}

/** Parses with a real XML parser (resvg's roxmltree): throws on anything not well-formed. */
function parsesAsSvg(svg: string): { width: number; height: number } {
  const r = new Resvg(svg, { font: { loadSystemFonts: false } });
  return { width: r.width, height: r.height };
}

describe('renderDesignPicture', () => {
  const design = example('three-tier-shop');
  const cards = design.resources.filter((r) => r.object.kind !== 'Namespace');

  it('draws one card per resource with its kind and name, a frame per namespace and the edges with their relation', () => {
    const p = renderDesignPicture(design);
    expect(p.cards).toBe(cards.length);
    expect((p.svg.match(/<g class="card"/g) ?? []).length).toBe(cards.length);
    for (const r of cards) {
      expect(p.svg).toContain(`data-id="${r.id}"`);
      expect(p.svg).toContain(`data-kind="${r.object.kind}"`);
    }
    expect(p.svg).toContain('>api<'); // a Deployment's name
    expect(p.svg).toMatch(/<g class="frame" data-namespace="shop">/);
    expect(p.edges).toBeGreaterThan(3);
    expect((p.svg.match(/<g class="edge"/g) ?? []).length).toBe(p.edges);
    expect(p.svg).toContain('data-relation="selects"');
    expect(p.svg).toContain('>selects<');
    expect(p.svg).toContain('>three-tier-shop<'); // the title
  });

  it('is well-formed SVG whose size is the drawing\'s bounds', () => {
    const p = renderDesignPicture(design);
    expect(p.svg.startsWith('<?xml')).toBe(true);
    expect(parsesAsSvg(p.svg)).toEqual({ width: p.width, height: p.height });
    const xs = cards.map((r) => design.layout.positions[r.id]!.x);
    expect(p.width).toBeGreaterThan(Math.max(...xs) - Math.min(...xs) + 160);
  });

  it('escapes names and labels, so hostile text stays text', () => {
    const hostile: Design = structuredClone(design);
    hostile.name = 'a <b> & "c" \u0001';
    const p = renderDesignPicture(hostile, { subtitle: () => '</text><script>x</script>', relationLabel: () => '选择 & <路由>' });
    expect(p.svg).not.toContain('<script>');
    expect(p.svg).toContain('&lt;/text&gt;&lt;scrip');
    expect(p.svg).toContain('选择 &amp; &lt;路由&gt;');
    parsesAsSvg(p.svg);
  });

  it('draws only the selection, with only its frames and the edges between selected cards', () => {
    const deployment = cards.find((r) => r.object.kind === 'Deployment')!;
    const service = cards.find((r) => r.object.kind === 'Service' && design.resources.length > 0)!;
    const p = renderDesignPicture(design, { ids: [deployment.id, service.id] });
    expect(p.cards).toBe(2);
    expect(p.svg).not.toContain(`data-kind="Ingress"`);
    for (const m of p.svg.matchAll(/<g class="edge"/g)) expect(m).toBeTruthy();
    expect(p.width).toBeLessThan(renderDesignPicture(design).width);
  });

  it('adds the simulation overlay as a badge on the cards it names', () => {
    const deployment = cards.find((r) => r.object.kind === 'Deployment')!;
    const without = renderDesignPicture(design);
    const withOverlay = renderDesignPicture(design, { overlay: { [deployment.id]: { text: '2/2 Running', tone: 'ok' } } });
    expect(without.svg).not.toContain('class="badge"');
    expect(withOverlay.svg).toContain('<g class="badge" data-tone="ok">');
    expect(withOverlay.svg).toContain('2/2 Running');
  });

  it('an empty design is still a valid picture', () => {
    const p = renderDesignPicture({ ...design, resources: [], layout: { positions: {}, frames: {} } });
    expect(p.cards).toBe(0);
    parsesAsSvg(p.svg);
  });
});
