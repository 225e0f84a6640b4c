/**
 * StatefulSet controller: pods `<name>-0..N-1` created in order (OrderedReady waits for each to be
 * Running and Ready; Parallel does not), one PVC per pod and template from volumeClaimTemplates,
 * scale-down from the highest ordinal, rolling update from the highest ordinal.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../model/object';
import type { Cluster, Controller } from '../cluster';
import { podTemplateHash } from '../rng';
import { nsOf, storeKey, type WatchEvent } from '../store';
import { isActive, isReady, isTerminal, ownedPods, podFromTemplate, remove, writeStatus, eventOwner } from './util';

type STS = StatefulSet & KubeObject;
const REVISION = 'controller-revision-hash';

export class StatefulSetController implements Controller {
  readonly name = 'statefulset-controller';
  readonly component = 'controller-manager' as const;

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'StatefulSet' && ev.type !== 'DELETED') this.c.enqueue(this, storeKey(o));
    else if (o.kind === 'Pod') {
      const k = eventOwner(ev);
      if (k?.startsWith('StatefulSet/')) this.c.enqueue(this, k);
    }
  }

  sync(key: string): void {
    const c = this.c;
    const sts = c.store.get(key) as STS | undefined;
    if (!sts || sts.metadata.deletionTimestamp || !sts.spec) return;
    const name = sts.metadata.name;
    const ns = nsOf(sts);
    const replicas = sts.spec.replicas ?? 1;
    const revision = `${name}-${podTemplateHash(sts.spec.template)}`;
    const ordered = (sts.spec.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    const pods = ownedPods(c, sts);
    const byOrdinal = new Map<number, KubeObject>();
    for (const p of pods) byOrdinal.set(Number(p.metadata.name.slice(name.length + 1)), p);
    const user = 'system:serviceaccount:kube-system:statefulset-controller';
    // Replace failed pods; create missing ones in order.
    for (let i = 0; i < replicas; i++) {
      const p = byOrdinal.get(i);
      if (p && isTerminal(p) && !p.metadata.deletionTimestamp) {
        remove(c, user, 'controller-manager', p, 0);
        return;
      }
      if (!p) {
        const podName = `${name}-${i}`;
        for (const t of sts.spec.volumeClaimTemplates ?? []) {
          const claimName = `${t.metadata?.name}-${podName}`;
          if (c.store.getBy('PersistentVolumeClaim', ns, claimName)) continue;
          const pvc: KubeObject = {
            apiVersion: 'v1', kind: 'PersistentVolumeClaim',
            metadata: { name: claimName, namespace: ns, labels: { ...(sts.spec.selector?.matchLabels ?? {}) } },
            spec: { ...(t.spec as PersistentVolumeClaim['spec']) },
          };
          const r = c.api.request({ verb: 'create', user, component: 'controller-manager', object: pvc });
          if (!r.ok) {
            c.event(sts, 'Warning', 'FailedCreate', `create Claim ${claimName} for Pod ${podName} in StatefulSet ${name} failed error: ${r.message}`, this.name);
            return;
          }
          c.event(sts, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${podName} in StatefulSet ${name} success`, this.name);
        }
        const template = structuredCloneTemplate(sts);
        const volumes = [...(template.spec?.volumes ?? [])];
        for (const t of sts.spec.volumeClaimTemplates ?? []) {
          if (!volumes.some((v) => v.name === t.metadata?.name)) volumes.push({ name: t.metadata?.name ?? '', persistentVolumeClaim: { claimName: `${t.metadata?.name}-${podName}` } });
        }
        if (template.spec) template.spec = { ...template.spec, volumes, hostname: podName, ...(sts.spec.serviceName ? { subdomain: sts.spec.serviceName } : {}) };
        const pod = podFromTemplate(sts, template, { name: podName }, { [REVISION]: revision, 'statefulset.kubernetes.io/pod-name': podName, 'apps.kubernetes.io/pod-index': String(i) });
        const r = c.api.request({ verb: 'create', user, component: 'controller-manager', object: pod });
        if (!r.ok) {
          c.event(sts, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${name} failed error: ${r.message}`, this.name);
          return this.status(sts, revision);
        }
        c.event(sts, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${name} successful`, this.name);
        byOrdinal.set(i, r.object);
        if (ordered) return this.status(sts, revision);
        continue;
      }
      if (ordered && (!isReady(p) || !isActive(p))) return this.status(sts, revision);
    }
    // Scale down, highest ordinal first, one at a time when ordered.
    const extra = [...byOrdinal.keys()].filter((i) => i >= replicas).sort((a, b) => b - a);
    for (const i of extra) {
      const p = byOrdinal.get(i) as KubeObject;
      if (p.metadata.deletionTimestamp) {
        if (ordered) return this.status(sts, revision);
        continue;
      }
      remove(c, user, 'controller-manager', p);
      c.event(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${p.metadata.name} in StatefulSet ${name} successful`, this.name);
      if (ordered) return this.status(sts, revision);
    }
    // RollingUpdate: replace the highest-ordinal outdated pod once all are ready.
    if ((sts.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      const live = [...byOrdinal.entries()].filter(([i]) => i < replicas).sort((a, b) => b[0] - a[0]);
      if (live.every(([, p]) => isReady(p) && isActive(p))) {
        const outdated = live.find(([, p]) => p.metadata.labels?.[REVISION] !== revision);
        if (outdated) {
          remove(c, user, 'controller-manager', outdated[1]);
          c.event(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${outdated[1].metadata.name} in StatefulSet ${name} successful`, this.name);
        }
      }
    }
    this.status(sts, revision);
  }

  private status(sts: STS, revision: string): void {
    const c = this.c;
    const cur = c.store.get(storeKey(sts)) as STS;
    const pods = ownedPods(c, cur).filter(isActive);
    const ready = pods.filter(isReady).length;
    const updated = pods.filter((p) => p.metadata.labels?.[REVISION] === revision).length;
    writeStatus(c, 'statefulset-controller', 'controller-manager', cur, {
      observedGeneration: cur.metadata.generation, replicas: pods.length, readyReplicas: ready, availableReplicas: ready,
      currentReplicas: updated, updatedReplicas: updated, currentRevision: revision, updateRevision: revision,
    });
  }
}

function structuredCloneTemplate(sts: STS): NonNullable<STS['spec']>['template'] {
  return JSON.parse(JSON.stringify(sts.spec?.template ?? {}));
}
