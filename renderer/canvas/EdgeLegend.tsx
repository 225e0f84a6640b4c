/**
 * The edge legend, in the canvas's bottom-left corner: what each colour and arrow means, how many
 * edges of each kind the design has, and a checkbox per kind to hide or show them (view state in
 * the store: not saved, not undone).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { namespaceFrameOf } from '../../shared/design/layout';
import { EDGE_KINDS, pointsAtSource, type EdgeKind } from '../../shared/references';
import { CROWDED_CROSS_NAMESPACE } from './drawEdges';
import { designIndex, setEdgeKindVisible, setEdgeLegendOpen, showAllEdgeKinds, useKubeplanStore } from '../store';
import { EDGE_COLORS, EDGE_DASH } from './theme';
import { useOwnPointer } from './useOwnPointer';

function Swatch({ kind }: { kind: EdgeKind }) {
  const color = EDGE_COLORS[kind];
  const dash = EDGE_DASH[kind]?.map((d) => d / 2).join(' ');
  // The arrowhead sits where traffic goes: into the policy's pods for an ingress peer (left: the pods).
  const head = pointsAtSource(kind) ? 'M9 3 L3 7 L9 11' : 'M25 3 L31 7 L25 11';
  return (
    <svg width={34} height={14} aria-hidden="true" style={{ flex: 'none' }}>
      <line x1={3} y1={7} x2={31} y2={7} stroke={color} strokeWidth={2} strokeDasharray={dash} strokeLinecap="round" />
      <path d={head} fill="none" stroke={color} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function LegendPanel() {
  const { t } = useTranslation();
  const resources = useKubeplanStore((s) => s.design.resources);
  const hidden = useKubeplanStore((s) => s.edgeView.hidden);
  const { counts, crossNamespace } = useMemo(() => {
    const c = new Map<EdgeKind, number>();
    const ns = new Map(resources.map((r) => [r.id, namespaceFrameOf(r.object)]));
    let cross = 0;
    // designIndex is memoised on this same resources array: no second resolve.
    for (const e of designIndex(useKubeplanStore.getState().design).edges) {
      c.set(e.kind, (c.get(e.kind) ?? 0) + 1);
      const to = e.targetFrame ?? (e.targetId !== undefined ? ns.get(e.targetId) : undefined);
      if (to !== undefined && to !== ns.get(e.sourceId)) cross++;
    }
    return { counts: c, crossNamespace: cross };
  }, [resources]);
  const kinds = EDGE_KINDS.filter((k) => (counts.get(k) ?? 0) > 0 || ['selects', 'routes', 'mounts', 'policy-target', 'policy-from', 'policy-to'].includes(k));
  return (
    <div role="group" aria-label={t('canvas.edges.title')} data-testid="edge-legend" style={panelStyle}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 4 }}>
        <strong>{t('canvas.edges.title')}</strong>
        <button type="button" data-testid="edge-filter-all" onClick={showAllEdgeKinds} disabled={hidden.length === 0} style={linkButton}>
          {t('canvas.edges.showAll')}
        </button>
      </div>
      {kinds.map((kind) => {
        const flow = (t('canvas.edges.flows', { returnObjects: true }) as Record<string, string>)[kind];
        return (
          <label key={kind} style={rowStyle} title={flow}>
            <input
              type="checkbox"
              data-testid={`edge-filter-${kind}`}
              checked={!hidden.includes(kind)}
              onChange={(e) => setEdgeKindVisible(kind, e.currentTarget.checked)}
            />
            <Swatch kind={kind} />
            <span style={{ flex: 1 }}>
              {t(`canvas.edges.kinds.${kind}`)}
              {flow && <span style={{ display: 'block', color: '#6b7280', fontSize: 11 }}>{flow}</span>}
            </span>
            <span style={{ color: '#6b7280', fontVariantNumeric: 'tabular-nums' }}>{(counts.get(kind) ?? 0).toLocaleString()}</span>
          </label>
        );
      })}
      <p style={noteStyle}>{t('canvas.edges.namespaceEdge')}</p>
      {crossNamespace > CROWDED_CROSS_NAMESPACE && <p style={noteStyle} data-testid="edge-legend-crowded">{t('canvas.edges.crowded', { count: crossNamespace.toLocaleString() })}</p>}
    </div>
  );
}

export function EdgeLegend() {
  const { t } = useTranslation();
  const open = useKubeplanStore((s) => s.edgeView.legendOpen);
  const ref = useOwnPointer<HTMLDivElement>();
  return (
    <div ref={ref} style={cornerStyle}>
      {open && <LegendPanel />}
      <button
        type="button"
        data-testid="edge-legend-toggle"
        aria-expanded={open}
        title={open ? t('canvas.edges.hide') : t('canvas.edges.show')}
        onClick={() => setEdgeLegendOpen(!open)}
        style={toggleStyle}
      >
        {t('canvas.edges.toggle')}
      </button>
    </div>
  );
}

const cornerStyle: React.CSSProperties = { position: 'absolute', left: 12, bottom: 12, zIndex: 4, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 6 };

const panelStyle: React.CSSProperties = {
  background: 'rgba(255,255,255,0.97)', border: '1px solid #c9cfdb', borderRadius: 8, padding: '8px 10px', fontSize: 12,
  color: '#1f2937', width: 250, boxShadow: '0 4px 14px rgba(0,0,0,0.10)', maxHeight: 'calc(100vh - 220px)', overflowY: 'auto',
};

const rowStyle: React.CSSProperties = { display: 'flex', alignItems: 'center', gap: 6, padding: '2px 0', cursor: 'pointer' };

const noteStyle: React.CSSProperties = { margin: '6px 0 0', color: '#6b7280', fontSize: 11, lineHeight: 1.35 };

const linkButton: React.CSSProperties = { background: 'none', border: 'none', color: '#1a73e8', cursor: 'pointer', fontSize: 12, padding: 0 };

const toggleStyle: React.CSSProperties = {
  background: '#fff', border: '1px solid #c9cfdb', borderRadius: 6, padding: '4px 10px', fontSize: 12, color: '#1f2937',
  cursor: 'pointer', boxShadow: '0 1px 4px rgba(0,0,0,0.08)',
};
