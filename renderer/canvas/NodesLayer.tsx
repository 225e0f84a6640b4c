/**
 * One memoised Konva shape per resource card. A card re-renders only when its object, position,
 * selection or problem changes; panning and zooming never re-render React at all.
 */
import type Konva from 'konva';
import { memo, useMemo } from 'react';
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

interface CardProps {
  id: string;
  object: KubeObject;
  x: number;
  y: number;
  selected: boolean;
  problem?: 'error' | 'warning';
  /** Primitive props (not an object), so the memo compares them by value. */
  groupPods?: string;
  ownerKind?: string;
  ownerName?: string;
  /** The interface language, so a switch recomputes the subtitle. */
  lang?: string;
}

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
  const groups = designCardGroups(resources);
  return (
    <Layer ref={layerRef} listening={false}>
      {resources.map((r) => {
        const p = positions[r.id];
        // A pod drawn on its workload's card has none of its own.
        if (!p || r.object.kind === 'Namespace' || groups.memberOf.has(r.id)) return null;
        const g = groups.cards.get(r.id);
        return (
          <ResourceCard
            key={r.id}
            id={r.id}
            object={r.object}
            x={p.x}
            y={p.y}
            selected={selected.has(r.id)}
            problem={worst.get(keyOf(r.object))}
            groupPods={g ? (g.pods === 1 ? t('canvas.cardPod') : t('canvas.cardPods', { count: g.pods })) : undefined}
            ownerKind={g?.owner?.kind}
            ownerName={g?.owner?.name}
            lang={i18n.language}
          />
        );
      })}
    </Layer>
  );
}
