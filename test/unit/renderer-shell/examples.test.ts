import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNamespaced } from '../../../shared/kinds/registry';
import { validateObjects } from '../../../shared/validation';
import { parseDesignText } from '../../../renderer/api/formats';
import { RESOURCE_HEIGHT, RESOURCE_WIDTH } from '../../../renderer/store/geometry';
import index from '../../../assets/examples/index.json';

const DIR = join(import.meta.dirname, '../../../assets/examples');
const CARD = { width: RESOURCE_WIDTH, height: RESOURCE_HEIGHT };

describe('the shipped examples', () => {
  it('are listed once each with a title and description in English and Simplified Chinese', () => {
    expect(index.examples.map((e) => e.id)).toEqual(['hello-minikube', 'three-tier-shop', 'multi-tenant', 'shop-default-deny', 'connected-vehicles', 'developer-permissions', 'shop-debugging']);
    for (const e of index.examples) {
      for (const lang of ['en', 'zh-CN'] as const) {
        expect(e.title[lang].length, `${e.id} title ${lang}`).toBeGreaterThan(3);
        expect(e.description[lang].length, `${e.id} description ${lang}`).toBeGreaterThan(20);
      }
    }
  });

  for (const e of index.examples) {
    describe(e.id, () => {
      const text = readFileSync(join(DIR, e.file), 'utf8');
      const parsed = parseDesignText(text, e.file);
      if ('error' in parsed) throw new Error(`${e.file}: ${parsed.error.message}`);
      const { design, warnings } = parsed;

      it('opens as a design without warnings, named after its id, with unique resource ids', () => {
        expect(warnings).toEqual([]);
        expect(design.name).toBe(e.id);
        const ids = design.resources.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
      });

      it('has no validation problems: every selector, backend, claim and peer resolves', () => {
        expect(validateObjects(design.resources.map((r) => r.object))).toEqual([]);
      });

      it('lays each namespaced card inside its namespace frame, and no two cards overlap', () => {
        const boxes = design.resources.filter((r) => r.object.kind !== 'Namespace').map((r) => ({ r, p: design.layout.positions[r.id]! }));
        for (const { r, p } of boxes) {
          if (!isNamespaced(r.object.kind, r.object.apiVersion)) continue;
          const frame = design.layout.frames[r.object.metadata.namespace ?? 'default'];
          expect(frame, `${r.id} has a frame`).toBeDefined();
          expect(p.x >= frame!.x && p.y >= frame!.y + 28 && p.x + CARD.width <= frame!.x + frame!.width && p.y + CARD.height <= frame!.y + frame!.height, `${r.id} inside its frame`).toBe(true);
        }
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.p, b = boxes[j]!.p;
            const overlap = a.x < b.x + CARD.width && b.x < a.x + CARD.width && a.y < b.y + CARD.height && b.y < a.y + CARD.height;
            expect(overlap, `${boxes[i]!.r.id} overlaps ${boxes[j]!.r.id}`).toBe(false);
          }
        }
      });
    });
  }
});
