/**
 * One module per Kubernetes kind (tldraw's ShapeUtil idea): everything Kubeplan knows about a kind
 * lives in its module — defaults, display, references, how the simulator treats it. Adding a kind
 * means adding a module and listing it in `./all.ts`, nothing else.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import type { ReferenceRule } from '../references/types';

export type PaletteGroup = 'Workloads' | 'Networking' | 'Storage' | 'Config' | 'Policy' | 'Cluster';

export interface KindDisplay {
  /** Short text drawn inside the shape (the community icons' abbreviations: deploy, svc, ing…). */
  glyph: string;
  /** Fill colour of the shape, a CSS hex colour. */
  color: string;
  /** Outline of the shape on the canvas. */
  shape: 'frame' | 'rounded' | 'hexagon' | 'circle' | 'cylinder' | 'diamond' | 'document' | 'shield';
  /** Where the kind appears in the palette. */
  group: PaletteGroup;
}

export interface KindModule<T extends KubeObject = KubeObject> {
  kind: string;
  apiVersion: string;
  /** Plural resource name as the API uses it (`deployments`), for quota `count/…` and kubectl. */
  resource: string;
  /** kubectl's short name (`deploy`, `svc`), when there is one. */
  shortName?: string;
  namespaced: boolean;
  display: KindDisplay;
  /** Rank in export/apply order; lower applies first (Namespaces 0 … HPAs last). */
  applyOrder: number;
  /** The object a user would write for a new one: valid, with requests/limits and probes where sensible. */
  create(name: string, namespace?: string): T;
  /** For kinds that run pods: the pod template (labels + spec) the controller stamps pods from. */
  podTemplate?(obj: T): PodTemplateSpec | undefined;
  /** The references this kind makes to other objects (the edges it draws). */
  references: ReferenceRule[];
}

export type AnyKindModule = KindModule<KubeObject>;
