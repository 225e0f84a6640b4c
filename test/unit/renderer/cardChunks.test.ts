import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/model/object';
import { CHUNK, chunkRows, idHash, type CardRow, type FixedRow } from '../../../renderer/canvas/NodesLayer';

/** 5,000 cards in a grid, as the canvas benchmark's big design has them. */
function cards(n: number): { fixed: FixedRow[]; positions: Record<string, { x: number; y: number }> } {
  const fixed: FixedRow[] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < n; i++) {
    const id = `r${i + 1}`;
    const object: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}`, namespace: 'default' } };
    fixed.push({ id, object, ends: idHash(id) % CHUNK === 0 });
    positions[id] = { x: (i % 50) * 200, y: Math.floor(i / 50) * 100 };
  }
  return { fixed, positions };
}

const flat = (chunks: Map<string, readonly CardRow[]>) => [...chunks.values()].flat();

describe('card chunks (what the card layer re-renders)', () => {
  const { fixed, positions } = cards(5000);
  const none = new Set<string>();
  const first = chunkRows(fixed, positions, none, new Map());

  it('keep the design order and every card once, in chunks of about CHUNK cards', () => {
    expect(flat(first).map((r) => r.id)).toEqual(fixed.map((f) => f.id));
    const sizes = [...first.values()].map((c) => c.length);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeGreaterThan(CHUNK / 3);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeLessThan(CHUNK * 3);
  });

  it('moving or selecting one card gives a new rows array to its chunk only', () => {
    const moved = { ...positions, r2500: { x: 1, y: 2 } };
    const next = chunkRows(fixed, moved, none, first);
    const changed = [...next].filter(([k, rows]) => first.get(k) !== rows);
    expect(changed).toHaveLength(1);
    expect(changed[0]![1].find((r) => r.id === 'r2500')).toMatchObject({ x: 1, y: 2 });
    const selected = chunkRows(fixed, moved, new Set(['r10']), next);
    expect([...selected].filter(([k, rows]) => next.get(k) !== rows)).toHaveLength(1);
  });

  it('deleting or adding a card leaves the other chunks keyed and reused as they were', () => {
    const without = fixed.filter((f) => f.id !== 'r1234');
    const next = chunkRows(without, positions, none, first);
    const changed = [...next].filter(([k, rows]) => first.get(k) !== rows);
    expect(changed).toHaveLength(1);
    expect([...next.keys()].filter((k) => !first.has(k)).length).toBeLessThanOrEqual(1);
    const added = [...fixed, cards(5001).fixed[5000]!];
    const grown = chunkRows(added, { ...positions, r5001: { x: 0, y: 0 } }, none, first);
    expect([...grown].filter(([k, rows]) => first.get(k) !== rows)).toHaveLength(1);
  });

  it('nothing changed: the same arrays come back', () => {
    const again = chunkRows(fixed, { ...positions }, new Set<string>(), first);
    expect([...again].every(([k, rows]) => first.get(k) === rows)).toBe(true);
  });
});
