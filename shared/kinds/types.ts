/**
 * One module per Kubernetes kind (tldraw's ShapeUtil idea): everything Kubeplan knows about a kind
 * lives in its module — API identity, defaults, display, references, how the simulator and the
 * layout treat it. Adding a kind means adding a module and listing it in `./all.ts`, nothing else
 * (docs/architecture.md, "How to add a kind").
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../model/object';
import type { ReferenceDeclaration } from './references';

export type PaletteGroup = 'Workloads' | 'Networking' | 'Storage' | 'Config' | 'Policy' | 'Cluster' | 'Access';

/** The control-plane processes of the simulated cluster that can watch a kind. */
export type Watcher = 'controller-manager' | 'scheduler';

/** How the API server checks an object's name (apimachinery's NameIsDNSSubdomain unless the kind says otherwise). */
export type NameFormat = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label' | 'path-segment';

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

/**
 * What Kubeplan knows about every kind it names, whether or not a user can draw it: the API
 * identity and the per-kind facts the simulator, the layout and the editors read.
 */
export interface KindInfo {
  kind: string;
  apiVersion: string;
  /** Plural resource name as the API uses it (`deployments`), for quota `count/…` and kubectl. */
  resource: string;
  /** kubectl's short name (`deploy`, `svc`), when there is one. */
  shortName?: string;
  namespaced: boolean;
  /** Rank in export/apply order; lower applies first (Namespaces 0 … HPAs last). */
  applyOrder: number;
  /** The control-plane processes that watch it: the receivers of its watch events in the walkthrough. */
  watchers?: readonly Watcher[];
  /** Auto-layout column, left to right following traffic (Ingress 0 → Service 1 → workload 2 → config and storage 3). */
  layoutColumn?: number;
  /** For pod-running kinds: where the pod template (`metadata` + `spec`) sits; `''` for a Pod itself. */
  podTemplatePath?: string;
  /** Whether `spec.replicas` scales it (the kinds an HPA and the replicas field target). */
  scalable?: boolean;
  /** What a person typically calls the first object of the kind (`web`, `db`). */
  baseName?: string;
  /** The name rule of its ValidateObjectMeta (DNS-1123 subdomain when unset). */
  nameFormat?: NameFormat;
}

/** A kind a user can draw: in the palette, with a default object and the references it makes. */
export interface KindModule<T extends KubeObject = KubeObject> extends KindInfo {
  display: KindDisplay;
  /** The object a user would write for a new one: valid, with requests/limits and probes where sensible. */
  create(name: string, namespace?: string): T;
  /** For kinds that run pods: the pod template (labels + spec) the controller stamps pods from. */
  podTemplate?(obj: T): PodTemplateSpec | undefined;
  /** The references this kind makes to other objects (the edges it draws); shared/references resolves them. */
  references: ReferenceDeclaration[];
}

export type AnyKindModule = KindModule<KubeObject>;
