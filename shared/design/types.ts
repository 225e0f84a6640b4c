/**
 * The design document: real Kubernetes objects, plus where they sit on the canvas, plus the
 * simulated cluster they run on. Saved as readable YAML (`*.kubeplan.yaml`).
 */
import type { KubeObject } from '../model/object';

export const DESIGN_FORMAT_VERSION = 1;

/** An object of the design. `id` is stable across renames; it never reaches exported YAML. */
export interface DesignResource {
  id: string;
  object: KubeObject;
}

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

export interface DesignLayout {
  /** Top-left corner of each resource's shape, by resource id. */
  positions: Record<string, Point>;
  /** Namespace frames, by namespace name (a frame may exist without a Namespace object, e.g. `default`). */
  frames: Record<string, Box>;
}

export interface NodeTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** A node of the simulated cluster. Capacities are Kubernetes quantities. */
export interface ClusterNode {
  name: string;
  cpu: string;
  memory: string;
  pods: number;
  zone?: string;
  labels?: Record<string, string>;
  taints?: NodeTaint[];
  unschedulable?: boolean;
  /**
   * The InternalIP the node reports; by default the next of 192.168.49.2, .3, … Set for the nodes
   * a `kubectl get pods` dump names (their pods' `status.hostIP`), not read from design files.
   */
  address?: string;
}

export interface ClusterSpec {
  nodes: ClusterNode[];
}

export interface Design {
  formatVersion: number;
  name: string;
  resources: DesignResource[];
  layout: DesignLayout;
  cluster: ClusterSpec;
}

/** The default simulated cluster: 3 nodes of 4 CPU / 8Gi / 110 pods across three zones. */
export function defaultCluster(): ClusterSpec {
  return {
    nodes: [1, 2, 3].map((i) => ({
      name: `node-${i}`,
      cpu: '4',
      memory: '8Gi',
      pods: 110,
      zone: `zone-${String.fromCharCode(96 + i)}`,
      labels: {
        'kubernetes.io/hostname': `node-${i}`,
        'topology.kubernetes.io/zone': `zone-${String.fromCharCode(96 + i)}`,
      },
    })),
  };
}

export function emptyDesign(name = 'Untitled'): Design {
  return {
    formatVersion: DESIGN_FORMAT_VERSION,
    name,
    resources: [],
    layout: { positions: {}, frames: {} },
    cluster: defaultCluster(),
  };
}
