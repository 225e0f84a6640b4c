/**
 * The kind view registry: how the renderer shows each kind (card subtitle, inspector form). The
 * built-in views are in ./views.tsx; `registerKindView` adds one for a new kind.
 */
import type { ComponentType } from 'react';
import { getKindInfo } from '../../shared/kinds/registry';
import type { KubeObject } from '../../shared/model/object';
import { WorkloadFields } from '../panels/inspector/WorkloadFields';
import { KIND_VIEWS } from './views';
import { tc } from './subtitles';

export type KindForm = ComponentType<{ id: string; object: KubeObject }>;

export interface KindView {
  kind: string;
  /** The short last line of a card; empty falls back to the namespace. */
  subtitle?: (o: KubeObject) => string;
  /** The inspector's form below the common fields; `null` for kinds with nothing more to edit. */
  Form?: KindForm | null;
}

const views = new Map<string, KindView>();
for (const v of KIND_VIEWS) registerKindView(v);

export function registerKindView(view: KindView): void {
  views.set(view.kind, view);
}

/** Take a view out again (tests that register a throw-away kind). */
export function unregisterKindView(kind: string): void {
  views.delete(kind);
}

/** The card subtitle of an object: its kind's summary, or its namespace. */
export function resourceSubtitle(o: KubeObject): string {
  return views.get(o.kind)?.subtitle?.(o) || (o.metadata.namespace ? tc('namespace', 'namespace {{namespace}}', { namespace: o.metadata.namespace }) : '');
}

/**
 * The inspector form of a kind: the workload form for pod-running kinds, else its view's form;
 * `null` for a kind with nothing more to edit, undefined for a kind Kubeplan has no form for.
 */
export function inspectorForm(kind: string): KindForm | null | undefined {
  if (getKindInfo(kind)?.podTemplatePath !== undefined) return WorkloadFields;
  return views.get(kind)?.Form;
}
