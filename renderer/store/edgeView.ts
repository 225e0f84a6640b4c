/**
 * The edge legend's filters: which kinds of edges the canvas draws. View state only, so toggling
 * a filter never marks the design dirty or adds an undo step.
 */
import type { EdgeKind } from '../../shared/references';
import { useKubeplanStore, type KubeplanState } from './store';

const store = useKubeplanStore;

export function setEdgeKindVisible(kind: EdgeKind, visible: boolean): void {
  const { edgeView } = store.getState();
  const hidden = edgeView.hidden.filter((k) => k !== kind);
  if (!visible) hidden.push(kind);
  if (hidden.length === edgeView.hidden.length && edgeView.hidden.includes(kind) === !visible) return;
  store.setState({ edgeView: { ...edgeView, hidden } });
}

export function showAllEdgeKinds(): void {
  const { edgeView } = store.getState();
  if (edgeView.hidden.length > 0) store.setState({ edgeView: { ...edgeView, hidden: [] } });
}

export function setEdgeLegendOpen(open: boolean): void {
  const { edgeView } = store.getState();
  if (edgeView.legendOpen !== open) store.setState({ edgeView: { ...edgeView, legendOpen: open } });
}

export const selectEdgeView = (s: KubeplanState) => s.edgeView;
