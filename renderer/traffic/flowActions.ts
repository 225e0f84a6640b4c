/**
 * Editing the design's traffic flows (docs/traffic.md). Each function returns the store change a
 * command commits, so adding, editing and removing a flow is one undo step each.
 */
import type { Design, DesignFlow } from '../../shared/design/types';
import type { StoreChange } from '../store';

export type FlowDraft = Omit<DesignFlow, 'id'>;

/** Why a draft cannot be saved, or undefined when it can (the names the design file checks, docs/design-format.md). */
export function flowProblem(draft: FlowDraft, design: Design, editing?: string): string | undefined {
  if (!draft.name.trim()) return 'name';
  if ((design.flows ?? []).some((f) => f.name === draft.name.trim() && f.id !== editing)) return 'duplicateName';
  if (!draft.from.trim()) return 'from';
  if (!draft.to.trim()) return 'to';
  if (!(draft.rate > 0 && draft.rate <= 1_000_000)) return 'rate';
  return undefined;
}

function nextFlowId(design: Design): string {
  const used = new Set((design.flows ?? []).map((f) => f.id));
  let n = (design.flows ?? []).length + 1;
  while (used.has(`f${n}`)) n++;
  return `f${n}`;
}

function clean(draft: FlowDraft): FlowDraft {
  return { name: draft.name.trim(), from: draft.from.trim(), to: draft.to.trim(), rate: draft.rate, ...(draft.protocol && draft.protocol !== 'TCP' ? { protocol: draft.protocol } : {}) };
}

export function addFlowChange(design: Design, draft: FlowDraft): StoreChange | undefined {
  if (flowProblem(draft, design)) return undefined;
  return { design: { ...design, flows: [...(design.flows ?? []), { id: nextFlowId(design), ...clean(draft) }] } };
}

export function updateFlowChange(design: Design, id: string, draft: FlowDraft): StoreChange | undefined {
  const flows = design.flows ?? [];
  const i = flows.findIndex((f) => f.id === id);
  if (i < 0 || flowProblem(draft, design, id)) return undefined;
  const next = { id, ...clean(draft) };
  if (JSON.stringify(next) === JSON.stringify(flows[i])) return undefined;
  return { design: { ...design, flows: flows.map((f, j) => (j === i ? next : f)) } };
}

export function removeFlowChange(design: Design, id: string): StoreChange | undefined {
  const flows = design.flows ?? [];
  if (!flows.some((f) => f.id === id)) return undefined;
  const rest = flows.filter((f) => f.id !== id);
  const { flows: _dropped, ...withoutFlows } = design;
  void _dropped;
  return { design: rest.length > 0 ? { ...design, flows: rest } : withoutFlows };
}

/** Command arguments: `traffic:addFlow` takes a draft, `traffic:editFlow` an id and a draft, `traffic:removeFlow` an id. */
export function isFlowDraft(a: unknown): a is FlowDraft {
  const v = a as Partial<FlowDraft> | undefined;
  return typeof v?.name === 'string' && typeof v.from === 'string' && typeof v.to === 'string' && typeof v.rate === 'number';
}

export function isFlowEdit(a: unknown): a is { id: string; flow: FlowDraft } {
  const v = a as { id?: unknown; flow?: unknown } | undefined;
  return typeof v?.id === 'string' && isFlowDraft(v.flow);
}
