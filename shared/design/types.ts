/**
 * The design document: real Kubernetes objects, plus where they sit on the canvas, plus the
 * simulated cluster they run on. Saved as readable YAML (`*.kubeplan.yaml`).
 */
import type { KubeObject } from '../model/object';

/** Format 2 adds `flows:`; a design without flows is still written as format 1 (see serialize.ts). */
export const DESIGN_FORMAT_VERSION = 2;

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

/**
 * A person who uses the simulated cluster with kubectl (docs/kubectl.md): RBAC bindings name the
 * user or its groups. The built-in `admin` (group `system:masters`) exists without being listed.
 */
export interface ClusterUser {
  name: string;
  groups?: string[];
  /** The namespace of the user's kubeconfig context (default `default`). */
  namespace?: string;
}

export interface ClusterSpec {
  nodes: ClusterNode[];
  /** Users of the simulated cluster besides the built-in `admin`; absent when there are none. */
  users?: ClusterUser[];
}

/**
 * A traffic flow the simulation sends (docs/traffic.md): `rate` requests per second from `from`
 * (`external` or `<namespace>/<workload>`) to `to` (`http://host/path` through the Ingress,
 * `node:<port>`, `<namespace>/<service>:<port>` or `<namespace>/<workload>:<port>`).
 */
export interface DesignFlow {
  /** Stable across edits; never exported. */
  id: string;
  name: string;
  from: string;
  to: string;
  rate: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
}

export interface Design {
  formatVersion: number;
  name: string;
  resources: DesignResource[];
  layout: DesignLayout;
  cluster: ClusterSpec;
  /** Traffic flows for the simulation; absent or empty when there are none. */
  flows?: DesignFlow[];
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
