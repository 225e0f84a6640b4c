/**
 * One memoised Konva shape per resource card. A card re-renders only when its object, position,
 * selection or problem changes; panning and zooming never re-render React at all.
 */
import type Konva from 'konva';
import { memo, useMemo, useRef } from 'react';
import { Layer, Shape } from 'react-konva';
import { useShallow } from 'zustand/react/shallow';
import { getKindModule } from '../../shared/kinds/registry';
import type { KubeObject } from '../../shared/model/object';
import { keyOf } from '../../shared/kinds/objectIndex';
import { RESOURCE_HEIGHT, selectProblems, RESOURCE_WIDTH, useKubeplanStore } from '../store';
import { drawCard, fitText, type CardData } from './drawCard';
import { registerIn, cardNodes } from './registry';
import { resourceSubtitle } from '../kinds/registry';
import { THEME } from './theme';
import { designCardGroups } from './cardGroups';
import { useTranslation } from 'react-i18next';

/** A card's props: its row, and the interface language, so a switch recomputes the subtitle. */
type CardProps = CardRow & { lang?: string };

/** What a card that shows pods of a workload adds: the pod count, and the owner when it is not in the design. */
export interface CardGroupLabel {
  pods: string;
  owner?: { kind: string; name: string };
}

export function cardData(object: KubeObject, selected: boolean, problem?: 'error' | 'warning', group?: CardGroupLabel): CardData {
  const display = getKindModule(object.kind, object.apiVersion)?.display;
  // A card standing for an owner that is not in the design is titled with the owner.
  const kind = group?.owner?.kind ?? object.kind;
  const name = group?.owner?.name ?? object.metadata.name;
  const subtitle = group ? (group.owner ? group.pods : [resourceSubtitle(object), group.pods].filter(Boolean).join(' · ')) : resourceSubtitle(object);
  return {
    kind: fitText(kind, 'caption'),
    name: fitText(name, 'name'),
    subtitle: fitText(subtitle, 'subtitle'),
    glyph: display?.glyph ?? object.kind.slice(0, 4).toLowerCase(),
    color: display?.color ?? THEME.fallbackKind,
    shape: display?.shape ?? 'rounded',
    selected,
    problem,
  };
}

const ResourceCard = memo(function ResourceCard({ id, object, x, y, selected, problem, groupPods, ownerKind, ownerName, lang }: CardProps) {
  const card = useMemo(
    () => cardData(object, selected, problem, groupPods === undefined ? undefined : { pods: groupPods, ...(ownerKind !== undefined && ownerName !== undefined ? { owner: { kind: ownerKind, name: ownerName } } : {}) }),
    // The subtitle is in the interface language: a switch redraws the card.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [object, selected, problem, groupPods, ownerKind, ownerName, lang],
  );
  const ref = useMemo(() => registerIn(cardNodes, id), [id]);
  return (
    <Shape
      ref={ref}
      name={`resource:${id}`}
      resourceId={id}
      x={x}
      y={y}
      width={RESOURCE_WIDTH}
      height={RESOURCE_HEIGHT}
      card={card}
      sceneFunc={drawCard}
      listening={false}
      perfectDrawEnabled={false}
      shadowForStrokeEnabled={false}
    />
  );
});

/**
 * One card's inputs: a chunk re-renders only when one of its rows differs from the last render's.
 * Primitive fields (not objects), so the cards' memo compares them by value.
 */
export interface CardRow {
  id: string;
  object: KubeObject;
  x: number;
  y: number;
  selected: boolean;
  problem?: 'error' | 'warning';
  groupPods?: string;
  ownerKind?: string;
  ownerName?: string;
}

/**
 * A run of cards in design order. With thousands of cards, rendering one list means React compares
 * every card whenever one moves (tens of milliseconds on 5,000): chunks let it skip all but the
 * chunk that changed. It renders a fragment, so the cards stay direct children of the layer (the
 * select tool lifts a card to the drag layer and puts it back there).
 */
const CardChunk = memo(function CardChunk({ rows, lang }: { rows: readonly CardRow[]; lang: string }) {
  return (
    <>
      {rows.map((r) => (
        <ResourceCard key={r.id} {...r} lang={lang} />
      ))}
    </>
  );
});

/** FNV-1a of an id: where a chunk ends depends on the ids alone (see `chunkRows`). */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Chunks of `CHUNK` cards on average. */
export const CHUNK = 64;

/** What a card shows that does not depend on its position or selection; `ends` closes a chunk. */
export type FixedRow = Pick<CardRow, 'id' | 'object' | 'problem' | 'groupPods' | 'ownerKind' | 'ownerName'> & { ends: boolean };

/**
 * Split the cards into chunks whose boundaries are chosen by content (a chunk ends after a card
 * whose id hashes to 0 mod CHUNK), not by count: adding or deleting a card changes its own chunk
 * only, so the others keep their keys and are neither re-rendered nor re-mounted. A chunk is keyed
 * by its first card, and its rows array is reused from the last render when nothing in it changed
 * (checked before anything is allocated), which is what lets `CardChunk`'s memo skip it.
 */
export function chunkRows(
  fixed: readonly FixedRow[],
  positions: Readonly<Record<string, { x: number; y: number }>>,
  selected: ReadonlySet<string>,
  previous: ReadonlyMap<string, readonly CardRow[]>,
): Map<string, readonly CardRow[]> {
  const out = new Map<string, readonly CardRow[]>();
  let start = 0;
  for (let i = 0; i < fixed.length; i++) {
    if (!fixed[i]!.ends && i < fixed.length - 1) continue;
    const key = fixed[start]!.id;
    const old = previous.get(key);
    let same = old !== undefined;
    let n = 0;
    for (let j = start; j <= i && same; j++) {
      const f = fixed[j]!;
      const p = positions[f.id];
      if (!p) continue;
      const o = old![n++];
      same = o !== undefined && o.id === f.id && o.object === f.object && o.x === p.x && o.y === p.y && o.selected === selected.has(f.id) && o.problem === f.problem && o.groupPods === f.groupPods && o.ownerKind === f.ownerKind && o.ownerName === f.ownerName;
    }
    if (same && n === old!.length) out.set(key, old!);
    else {
      const rows: CardRow[] = [];
      for (let j = start; j <= i; j++) {
        const { ends: _, ...f } = fixed[j]!;
        const p = positions[f.id];
        if (p) rows.push({ ...f, x: p.x, y: p.y, selected: selected.has(f.id) });
      }
      out.set(key, rows);
    }
    start = i + 1;
  }
  return out;
}

export function NodesLayer({ layerRef }: { layerRef: React.Ref<Konva.Layer> }) {
  // Frames, cluster or name changes do not touch the cards: subscribe to exactly what they draw.
  const { resources, positions, selection } = useKubeplanStore(
    useShallow((s) => ({ resources: s.design.resources, positions: s.design.layout.positions, selection: s.selection })),
  );
  const selected = useMemo(() => new Set(selection), [selection]);
  // Problems arrive from validation after a pause in editing (see store/analysis.ts), by objectKey.
  const problems = useKubeplanStore(selectProblems);
  const worst = useMemo(() => {
    const m = new Map<string, 'error' | 'warning'>();
    for (const p of problems) if (m.get(p.objectKey) !== 'error') m.set(p.objectKey, p.severity);
    return m;
  }, [problems]);
  const { t, i18n } = useTranslation();
  // Per resource, what does not depend on its position or selection: computed again only when an
  // object, the problems or the language change, not on every move.
  const fixed = useMemo(() => {
    const groups = designCardGroups(resources);
    const out: FixedRow[] = [];
    for (const r of resources) {
      // A pod drawn on its workload's card has none of its own.
      if (r.object.kind === 'Namespace' || groups.memberOf.has(r.id)) continue;
      const g = groups.cards.get(r.id);
      out.push({
        id: r.id,
        object: r.object,
        problem: worst.get(keyOf(r.object)),
        groupPods: g ? (g.pods === 1 ? t('canvas.cardPod') : t('canvas.cardPods', { count: g.pods })) : undefined,
        ownerKind: g?.owner?.kind,
        ownerName: g?.owner?.name,
        ends: idHash(r.id) % CHUNK === 0,
      });
    }
    return out;
  }, [resources, worst, t]);
  const last = useRef<ReadonlyMap<string, readonly CardRow[]>>(new Map());
  const chunks = useMemo(() => chunkRows(fixed, positions, selected, last.current), [fixed, positions, selected]);
  last.current = chunks;
  const lang = i18n.language;
  return (
    <Layer ref={layerRef} listening={false}>
      {[...chunks].map(([key, rows]) => (
        <CardChunk key={key} rows={rows} lang={lang} />
      ))}
    </Layer>
  );
}
