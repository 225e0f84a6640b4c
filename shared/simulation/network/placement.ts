/**
 * Where a design's pods run, for a snapshot taken without running the simulator: pods go through
 * the simulator's scheduling framework (scheduling/registry.ts: resources, taints, node affinity,
 * host ports, topology spread, the same scores and the seeded tie-break), one after another, each
 * counted on its node. Differences from `kubeplan simulate`: VolumeBinding is left out (a design's
 * claims are not bound yet), and pods that name their node and DaemonSet pods are put on their
 * node without scheduling (as upstream, where the kubelet admits them); a pod that fits no node is
 * not placed.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterNode } from '../../design/types';
import type { KubeObject } from '../../model/object';
import { nodeObject } from '../kubelet';
import { Rng } from '../rng';
import { Framework } from '../scheduling/framework';
import { VolumeBinding } from '../scheduling/plugins/volumebinding';
import { DEFAULT_PROFILE } from '../scheduling/registry';
import type { Profile } from '../scheduling/types';

const PROFILE: Profile = { filters: DEFAULT_PROFILE.filters.filter((p) => p !== VolumeBinding), scores: DEFAULT_PROFILE.scores };

/** The seed `kubeplan simulate` uses by default, mixed as the simulated cluster mixes its tie-break stream. */
const TIE_SEED = 1 ^ 0x5bd1e995;

export class Placement {
  private readonly framework: Framework;
  private readonly pods = new Map<string, KubeObject[]>();
  private readonly index = new Map<string, number>();
  private seq = 0;

  constructor(nodes: readonly ClusterNode[]) {
    const ties = new Rng(TIE_SEED);
    const pods = this.pods;
    this.framework = new Framework({ getBy: () => undefined, list: (kind, ns) => (kind === 'Pod' ? pods.get(ns ?? '') ?? [] : []) }, (n) => ties.int(n), PROFILE);
    nodes.forEach((n, i) => {
      this.index.set(n.name, i);
      try {
        this.framework.setNode(nodeObject(n) as never);
      } catch {
        // A node whose capacity is not a quantity takes no pods; design validation reports it.
      }
    });
  }

  /**
   * The index of the node the pod runs on, or -1 when it fits none. `node` puts it on that node
   * without scheduling (a DaemonSet's pod, or a pod that names its node).
   */
  place(namespace: string, name: string, labels: Record<string, string>, spec: unknown, node?: string): number {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec } as Pod & KubeObject;
    let chosen: string | undefined;
    try {
      if (node !== undefined) chosen = this.framework.nodeInfo(node) ? node : undefined;
      else {
        const r = this.framework.schedule(pod);
        chosen = 'node' in r ? r.node : undefined;
      }
      if (chosen === undefined) return -1;
      this.framework.account(`${++this.seq}`, pod, chosen);
    } catch {
      return -1; // a malformed pod spec runs nowhere; design validation reports it
    }
    const placed = { ...pod, spec: { ...(pod.spec ?? {}), nodeName: chosen } };
    const list = this.pods.get(namespace);
    if (list) list.push(placed);
    else this.pods.set(namespace, [placed]);
    return this.index.get(chosen) ?? -1;
  }
}
