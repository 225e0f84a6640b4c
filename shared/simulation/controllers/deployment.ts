/**
 * Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template, named
 * `<deployment>-<pod-template-hash>`; RollingUpdate within maxSurge/maxUnavailable, Recreate,
 * the revision annotation, history cleanup and the status conditions.
 */
import type { Deployment, DeploymentStrategy, ReplicaSet } from 'kubernetes-types/apps/v1';
import { cloneJson, type KubeObject } from '../../model/object';
import { timestamp } from '../apiserver';
import type { Cluster, Controller } from '../cluster';
import { podTemplateHash } from '../rng';
import { eventKey, nsOf, storeKey, type WatchEvent } from '../store';
import { isTerminal, owned, ownedPods, ownerKey, ownerRefTo, remove, setCondition, update, writeStatus, type Condition, eventOwner } from './util';
import { maxOf } from '../../model/arrays';

export const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
const HASH = 'pod-template-hash';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX = 'deployment.kubernetes.io/max-replicas';

/**
 * Annotations a Deployment does not pass to its ReplicaSets (annotationsToSkip in
 * pkg/controller/deployment/util/deployment_util.go). The others are copied to the new ReplicaSet
 * (copyDeploymentAnnotationsToReplicaSet) and back by a rollback: that is how
 * `kubernetes.io/change-cause` shows in `kubectl rollout history`.
 */
const NOT_COPIED = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED, MAX, 'deprecated.deployment.rollback.to']);

/** The ReplicaSet's annotations with the Deployment's copied in; the same object when nothing changes. */
function withDeploymentAnnotations(d: KubeObject, annotations: Record<string, string> = {}): Record<string, string> {
  let out = annotations;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (NOT_COPIED.has(k) || out[k] === v) continue;
    if (out === annotations) out = { ...annotations };
    out[k] = v;
  }
  return out;
}
const USER = 'system:serviceaccount:kube-system:deployment-controller';

/** maxSurge rounds up, maxUnavailable down; when both are 0, maxUnavailable becomes 1 (ResolveFenceposts). */
export function resolveFenceposts(replicas: number, strategy: DeploymentStrategy | undefined): { maxSurge: number; maxUnavailable: number } {
  const ru = strategy?.rollingUpdate;
  const scaled = (v: number | string | undefined, def: string, roundUp: boolean) => {
    const x = v ?? def;
    if (typeof x === 'number') return x;
    const pct = Number(x.replace('%', ''));
    const raw = (pct * replicas) / 100;
    return roundUp ? Math.ceil(raw) : Math.floor(raw);
  };
  const maxSurge = scaled(ru?.maxSurge, '25%', true);
  let maxUnavailable = scaled(ru?.maxUnavailable, '25%', false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

type RS = ReplicaSet & KubeObject;
type Deploy = Deployment & KubeObject;

const replicasOf = (rs: RS) => rs.spec?.replicas ?? 0;
const available = (rs: RS) => rs.status?.availableReplicas ?? 0;
export const revisionOf = (o: KubeObject) => Number(o.metadata.annotations?.[REVISION] ?? 0);

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  readonly component = 'controller-manager' as const;

  constructor(private readonly c: Cluster) {}

  handle(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'Deployment' && ev.type !== 'DELETED') this.c.enqueue(this, eventKey(ev));
    else if (o.kind === 'ReplicaSet') {
      const k = eventOwner(ev);
      if (k?.startsWith('Deployment/')) this.c.enqueue(this, k);
    } else if (o.kind === 'Pod' && ev.type === 'DELETED') {
      // Recreate waits for the old pods to be gone.
      const rsKey = eventOwner(ev);
      const rs = rsKey?.startsWith('ReplicaSet/') ? this.c.store.get(rsKey) : undefined;
      const k = rs && ownerKey(rs);
      if (k?.startsWith('Deployment/')) this.c.enqueue(this, k);
    }
  }

  sync(key: string): void {
    const c = this.c;
    const d = c.store.get(key) as Deploy | undefined;
    if (!d || d.metadata.deletionTimestamp || !d.spec?.template) return;
    const hash = this.hashOf(d);
    const all = owned(c, d, 'ReplicaSet') as RS[];
    let newRS = all.find((rs) => rs.metadata.labels?.[HASH] === hash);
    const olds = all.filter((rs) => rs !== newRS).sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name));
    const maxOldRevision = maxOf(0, olds.map(revisionOf));
    const replicas = d.spec.replicas ?? 1;
    const recreate = d.spec.strategy?.type === 'Recreate';
    if (d.spec.paused) return this.writeStatus(d, newRS, all);

    if (newRS && revisionOf(newRS) <= maxOldRevision) {
      // A rollback made an old ReplicaSet current again: it takes the next revision number.
      const old = String(revisionOf(newRS));
      const history = [newRS.metadata.annotations?.[REVISION_HISTORY], old].filter(Boolean).join(',');
      newRS = this.updateRS({ ...newRS, metadata: { ...newRS.metadata, annotations: { ...newRS.metadata.annotations, [REVISION]: String(maxOldRevision + 1), [REVISION_HISTORY]: history } } });
    }
    if (!newRS) {
      if (recreate && (olds.some((rs) => replicasOf(rs) > 0) || this.oldPodsRunning(olds))) {
        this.scaleOldToZero(d, olds);
        return this.writeStatus(d, newRS, all);
      }
      const active = olds.filter((rs) => replicasOf(rs) > 0);
      let initial = replicas;
      if (!recreate && active.length > 0) {
        const { maxSurge } = resolveFenceposts(replicas, d.spec.strategy);
        const total = olds.reduce((s, rs) => s + replicasOf(rs), 0);
        initial = Math.max(0, Math.min(replicas + maxSurge - total, replicas));
      }
      newRS = this.createRS(d, hash, maxOldRevision + 1, initial);
      if (!newRS) return;
    }
    const copied = withDeploymentAnnotations(d, newRS.metadata.annotations);
    if (copied !== newRS.metadata.annotations) newRS = this.updateRS({ ...newRS, metadata: { ...newRS.metadata, annotations: copied } });
    if (d.metadata.annotations?.[REVISION] !== newRS.metadata.annotations?.[REVISION]) {
      const r = update(c, USER, 'controller-manager', { ...d, metadata: { ...d.metadata, annotations: { ...d.metadata.annotations, [REVISION]: newRS.metadata.annotations?.[REVISION] ?? '1' } } });
      if (!r.ok) return;
    }
    if (recreate) this.recreate(d, newRS, olds, replicas);
    else this.rollingUpdate(d, newRS, olds, replicas);
    this.cleanup(d);
    const fresh = c.store.get(key) as Deploy;
    this.writeStatus(fresh, c.store.get(storeKey(newRS)) as RS, owned(c, fresh, 'ReplicaSet') as RS[]);
  }

  /** The pod-template-hash, recomputed only when the Deployment's generation changes. */
  private readonly hashes = new Map<string, { generation: number; hash: string }>();

  private hashOf(d: Deploy): string {
    const uid = d.metadata.uid ?? '';
    const generation = d.metadata.generation ?? 0;
    const cached = this.hashes.get(uid);
    if (cached && cached.generation === generation) return cached.hash;
    const hash = podTemplateHash(d.spec?.template, d.status?.collisionCount ?? 0);
    this.hashes.set(uid, { generation, hash });
    return hash;
  }

  private oldPodsRunning(olds: RS[]): boolean {
    return olds.some((rs) => ownedPods(this.c, rs).some((p) => !isTerminal(p)));
  }

  private scaleOldToZero(d: Deploy, olds: RS[]): void {
    for (const rs of olds) if (replicasOf(rs) > 0) this.scale(d, rs, 0);
  }

  private recreate(d: Deploy, newRS: RS, olds: RS[], replicas: number): void {
    if (olds.some((rs) => replicasOf(rs) > 0) || this.oldPodsRunning(olds)) {
      this.scaleOldToZero(d, olds);
      return;
    }
    if (replicasOf(newRS) !== replicas) this.scale(d, newRS, replicas);
  }

  private rollingUpdate(d: Deploy, newRS: RS, olds: RS[], replicas: number): void {
    const { maxSurge, maxUnavailable } = resolveFenceposts(replicas, d.spec?.strategy);
    // reconcileNewReplicaSet
    let current = newRS;
    const total = () => replicasOf(current) + olds.reduce((s, rs) => s + replicasOf(rs), 0);
    if (replicasOf(current) > replicas) current = this.scale(d, current, replicas);
    else if (replicasOf(current) < replicas) {
      const room = replicas + maxSurge - total();
      if (room > 0) current = this.scale(d, current, replicasOf(current) + Math.min(room, replicas - replicasOf(current)));
    }
    // reconcileOldReplicaSets
    const oldCount = olds.reduce((s, rs) => s + replicasOf(rs), 0);
    if (oldCount === 0) return;
    const minAvailable = replicas - maxUnavailable;
    const newUnavailable = replicasOf(current) - available(current);
    let maxScaledDown = total() - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return;
    // cleanupUnhealthyReplicas: old pods that are not available go first.
    for (let i = 0; i < olds.length && maxScaledDown > 0; i++) {
      const rs = olds[i];
      const unhealthy = replicasOf(rs) - available(rs);
      if (unhealthy <= 0) continue;
      const n = Math.min(maxScaledDown, unhealthy);
      olds[i] = this.scale(d, rs, replicasOf(rs) - n);
      maxScaledDown -= n;
    }
    // scaleDownOldReplicaSetsForRollingUpdate: keep at least minAvailable available pods.
    const availableCount = available(current) + olds.reduce((s, rs) => s + Math.min(available(rs), replicasOf(rs)), 0);
    let toScaleDown = availableCount - minAvailable;
    for (let i = 0; i < olds.length && toScaleDown > 0; i++) {
      const rs = olds[i];
      if (replicasOf(rs) === 0) continue;
      const n = Math.min(replicasOf(rs), toScaleDown);
      olds[i] = this.scale(d, rs, replicasOf(rs) - n);
      toScaleDown -= n;
    }
  }

  private scale(d: Deploy, rs: RS, to: number): RS {
    const from = replicasOf(rs);
    if (from === to) return rs;
    const { maxSurge } = resolveFenceposts(d.spec?.replicas ?? 1, d.spec?.strategy);
    const r = update(this.c, USER, 'controller-manager', {
      ...rs,
      metadata: { ...rs.metadata, annotations: { ...rs.metadata.annotations, [DESIRED]: String(d.spec?.replicas ?? 1), [MAX]: String((d.spec?.replicas ?? 1) + maxSurge) } },
      spec: { ...rs.spec, replicas: to } as RS['spec'],
    });
    if (!r.ok) return rs;
    this.c.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`, this.name);
    return r.object as RS;
  }

  private createRS(d: Deploy, hash: string, revision: number, replicas: number): RS | undefined {
    const template = cloneJson(d.spec?.template ?? {});
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH]: hash } };
    const selector = cloneJson(d.spec?.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH]: hash };
    const { maxSurge } = resolveFenceposts(d.spec?.replicas ?? 1, d.spec?.strategy);
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: nsOf(d),
        labels: { ...(d.spec?.template?.metadata?.labels ?? {}), [HASH]: hash },
        annotations: withDeploymentAnnotations(d, { [REVISION]: String(revision), [DESIRED]: String(d.spec?.replicas ?? 1), [MAX]: String((d.spec?.replicas ?? 1) + maxSurge) }),
        ownerReferences: [ownerRefTo(d)],
      },
      spec: { replicas: 0, selector, template, ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}) },
    };
    const r = this.c.api.request({ verb: 'create', user: USER, component: 'controller-manager', object: rs });
    if (!r.ok) return undefined;
    return replicas > 0 ? this.scale(d, r.object as RS, replicas) : (r.object as RS);
  }

  private updateRS(rs: RS): RS {
    const r = update(this.c, USER, 'controller-manager', rs);
    return (r.ok ? r.object : rs) as RS;
  }

  /** Keep revisionHistoryLimit (default 10) scaled-down old ReplicaSets; delete the oldest beyond it. */
  private cleanup(d: Deploy): void {
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const hash = this.c.store.get(storeKey(d))?.metadata.annotations?.[REVISION];
    const olds = (owned(this.c, d, 'ReplicaSet') as RS[])
      .filter((rs) => rs.metadata.annotations?.[REVISION] !== hash && replicasOf(rs) === 0 && (rs.status?.replicas ?? 0) === 0)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of olds.slice(0, Math.max(0, olds.length - limit))) remove(this.c, USER, 'controller-manager', rs);
  }

  private writeStatus(d: Deploy, newRS: RS | undefined, all: RS[]): void {
    const c = this.c;
    const live = all.map((rs) => c.store.get(storeKey(rs)) as RS | undefined).filter((x): x is RS => !!x);
    const sum = (f: (rs: RS) => number) => live.reduce((s, rs) => s + f(rs), 0);
    const replicas = d.spec?.replicas ?? 1;
    const { maxUnavailable } = resolveFenceposts(replicas, d.spec?.strategy);
    const availableReplicas = sum((rs) => rs.status?.availableReplicas ?? 0);
    const updated = newRS ? (c.store.get(storeKey(newRS)) as RS | undefined) : undefined;
    const updatedReplicas = updated?.status?.replicas ?? 0;
    const totalReplicas = sum((rs) => rs.status?.replicas ?? 0);
    const now = timestamp(c.now);
    let conditions = d.status?.conditions as Condition[] | undefined;
    const isAvailable = availableReplicas >= replicas - maxUnavailable;
    conditions = setCondition(conditions, isAvailable
      ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastTransitionTime: now, lastUpdateTime: now }
      : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastTransitionTime: now, lastUpdateTime: now });
    const complete = updated && updatedReplicas === replicas && (updated.status?.availableReplicas ?? 0) === replicas && totalReplicas === replicas;
    conditions = setCondition(conditions, {
      type: 'Progressing', status: 'True',
      reason: complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
      message: complete ? `ReplicaSet "${updated?.metadata.name}" has successfully progressed.` : `ReplicaSet "${updated?.metadata.name ?? ''}" is progressing.`,
      lastTransitionTime: now, lastUpdateTime: now,
    });
    const failure = live.map((rs) => (rs.status?.conditions ?? []).find((x) => x.type === 'ReplicaFailure')).find(Boolean);
    if (failure) conditions = setCondition(conditions, { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failure.message, lastTransitionTime: now, lastUpdateTime: now });
    else conditions = conditions.filter((x) => x.type !== 'ReplicaFailure');
    // Keep lastUpdateTime stable when nothing else changed, so status writes settle.
    const prev = (d.status?.conditions ?? []) as Condition[];
    conditions = conditions.map((x) => {
      const p = prev.find((y) => y.type === x.type);
      return p && p.status === x.status && p.reason === x.reason && p.message === x.message ? p : x;
    });
    writeStatus(c, 'deployment-controller', 'controller-manager', d, {
      observedGeneration: d.metadata.generation,
      replicas: totalReplicas,
      updatedReplicas,
      readyReplicas: sum((rs) => rs.status?.readyReplicas ?? 0),
      availableReplicas,
      unavailableReplicas: Math.max(0, replicas - availableReplicas),
      conditions,
      ...(d.status?.collisionCount ? { collisionCount: d.status.collisionCount } : {}),
    });
  }
}

/** `kubectl rollout undo`: copy the template of the ReplicaSet with `toRevision` (default: the previous one) back. */
export function rollbackTemplate(c: Cluster, d: KubeObject, toRevision?: number): { ok: true; object: KubeObject } | { ok: false; message: string } {
  const all = owned(c, d, 'ReplicaSet').sort((a, b) => revisionOf(a) - revisionOf(b));
  const current = revisionOf(d);
  const target = toRevision ? all.find((rs) => revisionOf(rs) === toRevision) : all.filter((rs) => revisionOf(rs) < current).at(-1);
  if (!target) return { ok: false, message: toRevision ? `unable to find specified revision ${toRevision} in history` : 'no rollout history found for deployment "' + d.metadata.name + '"' };
  const template = cloneJson((target.spec as { template: { metadata?: { labels?: Record<string, string> } } }).template);
  if (template.metadata?.labels) delete template.metadata.labels[HASH];
  // kubectl's DeploymentRollbacker (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go)
  // replaces the annotations too: the Deployment keeps those it never copies, and takes the rest
  // from the ReplicaSet, so the change-cause of that revision is the Deployment's again.
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (NOT_COPIED.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!NOT_COPIED.has(k)) annotations[k] = v;
  return { ok: true, object: { ...d, metadata: { ...d.metadata, annotations }, spec: { ...(d.spec as object), template } } };
}
