/**
 * DaemonSet controller: one pod per eligible node (nodeSelector, node affinity, taints), placed by
 * the default scheduler through a required node affinity on `metadata.name`, with the automatic
 * tolerations upstream adds.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import type { Cluster, Controller } from '../cluster';
import { matchesNodeSelectorAndAffinity } from '../scheduling/plugins/nodeaffinity';
import { tolerates } from '../scheduling/plugins/tainttoleration';
import { nsOf, storeKey, type WatchEvent } from '../store';
import { isActive, isReady, ownedPods, podFromTemplate, remove, writeStatus, eventOwner } from './util';

type DS = DaemonSet & KubeObject;

/** util.AddOrUpdateDaemonPodTolerations. */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
  readonly component = 'controller-manager' as const;

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'DaemonSet' && ev.type !== 'DELETED') this.c.enqueue(this, storeKey(o));
    else if (o.kind === 'Node') for (const ds of this.c.store.list('DaemonSet')) this.c.enqueue(this, storeKey(ds));
    else if (o.kind === 'Pod') {
      const k = eventOwner(ev);
      if (k?.startsWith('DaemonSet/')) this.c.enqueue(this, k);
    }
  }

  sync(key: string): void {
    const c = this.c;
    const ds = c.store.get(key) as DS | undefined;
    if (!ds || ds.metadata.deletionTimestamp || !ds.spec) return;
    const user = 'system:serviceaccount:kube-system:daemon-set-controller';
    const pods = ownedPods(c, ds).filter(isActive);
    const byNode = new Map<string, KubeObject[]>();
    for (const p of pods) {
      const n = nodeOfDaemonPod(p);
      byNode.set(n, [...(byNode.get(n) ?? []), p]);
    }
    const tolerations = [...(ds.spec.template.spec?.tolerations ?? []), ...DAEMON_TOLERATIONS];
    let desired = 0;
    const nodes = c.store.list('Node') as (Node & KubeObject)[];
    for (const node of nodes) {
      const probe = { spec: { ...ds.spec.template.spec, tolerations } } as Pod;
      const eligible = matchesNodeSelectorAndAffinity(probe, node) && (node.spec?.taints ?? []).every((t) => t.effect === 'PreferNoSchedule' || tolerates(tolerations, t));
      const existing = byNode.get(node.metadata.name) ?? [];
      if (eligible) desired++;
      if (eligible && existing.length === 0) {
        const template = JSON.parse(JSON.stringify(ds.spec.template));
        template.spec = {
          ...template.spec,
          tolerations,
          affinity: { ...(template.spec?.affinity ?? {}), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.metadata.name] }] }] } } },
        };
        const r = c.api.request({ verb: 'create', user, component: 'controller-manager', object: podFromTemplate(ds, template, { generateName: `${ds.metadata.name}-` }) });
        if (r.ok) c.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${r.object.metadata.name}`, this.name);
        else c.event(ds, 'Warning', 'FailedCreate', `Error creating: ${r.message}`, this.name);
      } else if (!eligible || existing.length > 1) {
        for (const p of eligible ? existing.slice(1) : existing) {
          remove(c, user, 'controller-manager', p);
          c.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, this.name);
        }
      }
    }
    for (const [n, list] of byNode) {
      if (nodes.some((x) => x.metadata.name === n)) continue;
      for (const p of list) remove(c, user, 'controller-manager', p);
    }
    const cur = c.store.get(key) as DS;
    const now = ownedPods(c, cur).filter(isActive);
    writeStatus(c, 'daemon-set-controller', 'controller-manager', cur, {
      desiredNumberScheduled: desired, currentNumberScheduled: now.length, numberReady: now.filter(isReady).length,
      numberAvailable: now.filter(isReady).length, updatedNumberScheduled: now.length, numberMisscheduled: 0, observedGeneration: cur.metadata.generation,
    });
  }
}

function nodeOfDaemonPod(p: KubeObject): string {
  const spec = p.spec as Pod['spec'];
  const term = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0];
  return term?.matchFields?.find((f) => f.key === 'metadata.name')?.values?.[0] ?? spec?.nodeName ?? '';
}

export { nsOf };
