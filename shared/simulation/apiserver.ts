/**
 * The simulated API server: the one entry point every request passes (authentication and
 * authorisation hooks, admission, then the etcd write and the watch fan-out). It records who told
 * whom what, for the control-plane walkthrough.
 */
import { getKindInfo, resourceOf } from '../kinds/registry';
import { apiGroup, cloneJson, type KubeObject } from '../model/object';
import { admit } from './admission';
import { decodeError, zeroItemErrors } from './admission/decode';
import { fieldError } from './admission/validation';
import { containsApplied, deletePath, mergeApplied, removedPaths } from './apply';
import type { Cluster } from './cluster';
import { defaultObject } from './defaults';
import { authorize, forbiddenError, type Attributes, type Identity } from './rbac';
import { sameJson, stableStringify } from './rng';
import { keyFor, nsOf, storeKey } from './store';
import type { ApplyResult } from './types';

export type Verb = 'create' | 'update' | 'updateStatus' | 'delete' | 'apply' | 'bind' | 'get' | 'list';

export interface ApiRequest {
  verb: Verb;
  /** Who sends it: `kubectl`, `deployment-controller`, `default-scheduler`, `kubelet/node-1`… */
  user: string;
  /** The process the sender runs in, for the walkthrough (`kubectl`, `controller-manager`, `scheduler`, `kubelet`). */
  component: string;
  object: KubeObject;
  /** bind: the node. */
  nodeName?: string;
  /** delete: grace period override (0 = now). */
  gracePeriodSeconds?: number;
  /**
   * A person's request (kubectl as a user of the design's cluster section): RBAC authorises it
   * (shared/simulation/rbac.ts). The control plane's own requests carry none.
   */
  identity?: Identity;
  /** The verb RBAC sees when it is not the request's own (`patch` for kubectl's patches). */
  authVerb?: string;
  /** The subresource RBAC sees (`scale`, `eviction`, `exec`). */
  subresource?: string;
  /** list: every namespace (`-A`); otherwise the object's namespace. */
  allNamespaces?: boolean;
}

export type ApiResponse =
  | { ok: true; object: KubeObject; result?: ApplyResult; /** list: the objects, in the store's order. */ items?: KubeObject[] }
  | { ok: false; code: 400 | 403 | 404 | 409 | 422 | 503; message: string };

/**
 * Kinds of aggregated APIs: served by an extension API server behind this one (kubernetes.io
 * "Kubernetes API Aggregation Layer"), not kept in etcd. metrics-server's resource metrics API
 * (`metrics.k8s.io`) is the one the simulator serves (`kubectl top`); its resources are `pods`
 * and `nodes`.
 */
export const AGGREGATED_KINDS: Readonly<Record<string, { group: string; resource: string; namespaced: boolean }>> = {
  PodMetrics: { group: 'metrics.k8s.io', resource: 'pods', namespaced: true },
  NodeMetrics: { group: 'metrics.k8s.io', resource: 'nodes', namespaced: false },
};

/** An aggregated API's server: answers the reads the API server has authorised. */
export type AggregatedApi = (req: ApiRequest) => ApiResponse;

/** Decides whether `user` may do `verb` on an object; a message when not (RBAC plugs in here). */
export type Authorizer = (req: ApiRequest) => string | null;

export class ApiServer {
  readonly authorizers: Authorizer[] = [];
  /** The last applied configuration per object (what server-side apply's managedFields remember). */
  private readonly lastApplied = new Map<string, string>();
  private readonly aggregated = new Map<string, AggregatedApi>();
  private clusterIpSeq = 1;
  private nodePortSeq = 0;

  constructor(private readonly cluster: Cluster) {}

  /** Serve an API group from an extension API server (an APIService): its reads come here first, for authorisation. */
  serveAggregated(group: string, api: AggregatedApi | undefined): void {
    if (api) this.aggregated.set(group, api);
    else this.aggregated.delete(group);
  }

  request(req: ApiRequest): ApiResponse {
    const c = this.cluster;
    if (req.identity) {
      const a = requestAttributes(c, req);
      const d = authorize(c.store, req.identity, a);
      if (!d.allowed) return { ok: false, code: 403, message: forbiddenError(req.identity.user, a, d.reason) };
    }
    const aggregated = AGGREGATED_KINDS[req.object.kind];
    if (aggregated) {
      // Proxied to the group's server; without one (no metrics-server) the API server answers 503.
      const api = this.aggregated.get(aggregated.group);
      if (api && (req.verb === 'get' || req.verb === 'list')) return api(req);
      return { ok: false, code: 503, message: `the server is currently unable to handle the request (${req.verb} ${aggregated.resource}.${aggregated.group})` };
    }
    // Reads change nothing and tell nobody: answered from the store.
    if (req.verb === 'get') {
      const o = c.store.get(storeKey(req.object));
      return o ? { ok: true, object: o } : { ok: false, code: 404, message: `${resourceOf(req.object.kind)} "${req.object.metadata.name}" not found` };
    }
    if (req.verb === 'list') {
      const items = c.store.list(req.object.kind, req.allNamespaces || isClusterScopedKind(req.object) ? undefined : nsOf(req.object));
      return { ok: true, object: { apiVersion: 'v1', kind: 'List', metadata: { name: '' } }, items };
    }
    // Messages only when recording: building their refs for nobody was a tenth of a plain run.
    if (c.options.record) c.message(req.component === 'kubectl' ? 'kubectl' : req.component, 'apiserver', req.verb, refOf(req.object));
    for (const authorize of this.authorizers) {
      const denied = authorize(req);
      if (denied) return { ok: false, code: 403, message: denied };
    }
    switch (req.verb) {
      case 'apply':
        return this.apply(req);
      case 'create':
        return this.create(req.object, req.user);
      case 'update':
        return this.update(req.object, false);
      case 'updateStatus':
        return this.update(req.object, true);
      case 'bind':
        return this.bind(req.object, req.nodeName ?? '');
      case 'delete':
        return this.delete(req.object, req.gracePeriodSeconds);
    }
  }

  private apply(req: ApiRequest): ApiResponse {
    const obj = cloneJson(req.object);
    delete obj.status;
    const key = storeKey(obj);
    const live = this.cluster.store.get(key);
    const text = stableStringify(obj);
    if (!live) {
      const r = this.create(obj, req.user);
      if (r.ok) this.lastApplied.set(key, text);
      return r.ok ? { ...r, result: 'created' } : r;
    }
    const previous = this.lastApplied.get(key);
    const removed = previous ? removedPaths(JSON.parse(previous), obj) : [];
    const { metadata, ...fields } = obj;
    const appliedMeta = { labels: metadata.labels, annotations: metadata.annotations };
    if (removed.length === 0 && containsApplied(live, fields) && containsApplied(live.metadata, appliedMeta)) {
      this.lastApplied.set(key, text);
      return { ok: true, object: live, result: 'unchanged' };
    }
    const merged = mergeApplied(cloneJson(live) as Record<string, unknown>, fields) as KubeObject;
    merged.metadata = mergeApplied(merged.metadata as unknown as Record<string, unknown>, appliedMeta) as unknown as KubeObject['metadata'];
    for (const p of removed) deletePath(merged as Record<string, unknown>, p);
    const r = this.update(merged, false);
    if (r.ok) this.lastApplied.set(key, text);
    return r.ok ? { ...r, result: 'configured' } : r;
  }

  private create(input: KubeObject, user: string): ApiResponse {
    const c = this.cluster;
    const obj = input;
    const undecodable = decodeFailure(obj);
    if (undecodable) return undecodable;
    if (!isClusterScopedKind(obj) && !obj.metadata.namespace) obj.metadata.namespace = 'default';
    let key = '';
    if (!obj.metadata.name && obj.metadata.generateName) {
      // RetryGenerateName (on by default since 1.31): a name already taken is drawn again, up to 8 times.
      for (let tries = 0; tries < 8 && (!obj.metadata.name || c.store.get(key)); tries++) {
        obj.metadata.name = obj.metadata.generateName + c.rng.suffix(5);
        key = storeKey(obj);
      }
    } else key = storeKey(obj);
    if (c.store.get(key)) return { ok: false, code: 409, message: `${resourceOf(obj.kind)} "${obj.metadata.name}" already exists` };
    const ns = nsOf(obj);
    if (ns && obj.kind !== 'Namespace') {
      const nsObj = c.store.getBy('Namespace', '', ns);
      if (!nsObj) return { ok: false, code: 404, message: `namespaces "${ns}" not found` };
      if (nsObj.metadata.deletionTimestamp) {
        return { ok: false, code: 403, message: `${resourceOf(obj.kind)} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated` };
      }
    }
    defaultObject(obj, this);
    const denied = admit(c, obj, user);
    if (denied) return { ok: false, code: denied.includes('" is invalid: ') ? 422 : 403, message: denied };
    if (obj.kind === 'Pod') c.admitPodCreation(obj);
    // Object.assign, not spread: V8 makes `{ ...o, newKey }` a slow dictionary object (5 µs each here).
    obj.metadata = Object.assign({}, obj.metadata, {
      uid: c.rng.uuid(),
      resourceVersion: c.store.nextRevision(),
      creationTimestamp: timestamp(c.now),
    }, obj.spec !== undefined ? { generation: 1 } : undefined);
    c.store.put(obj);
    if (c.options.record) c.message('apiserver', 'etcd', 'write', refOf(obj));
    this.notify('ADDED', obj);
    c.dispatch({ type: 'ADDED', object: obj, key });
    return { ok: true, object: obj };
  }

  private update(obj: KubeObject, statusOnly: boolean): ApiResponse {
    const c = this.cluster;
    const key = storeKey(obj);
    const old = c.store.get(key);
    if (!old) return { ok: false, code: 404, message: `${resourceOf(obj.kind)} "${obj.metadata.name}" not found` };
    const undecodable = statusOnly ? null : decodeFailure(obj);
    if (undecodable) return undecodable;
    const invalid = statusOnly ? null : fieldError(obj);
    if (invalid) return { ok: false, code: 422, message: invalid };
    const next = statusOnly ? Object.assign({}, old, { status: obj.status, metadata: old.metadata }) : obj;
    if (!statusOnly && !sameJson(old.spec, next.spec)) {
      next.metadata = Object.assign({}, next.metadata, { generation: (old.metadata.generation ?? 0) + 1 });
    }
    next.metadata = Object.assign({}, next.metadata, { resourceVersion: c.store.nextRevision(), uid: old.metadata.uid });
    c.store.put(next, key);
    if (c.options.record) c.message('apiserver', 'etcd', 'write', refOf(next));
    this.notify('MODIFIED', next);
    c.dispatch({ type: 'MODIFIED', object: next, old, key });
    return { ok: true, object: next };
  }

  private bind(pod: KubeObject, nodeName: string): ApiResponse {
    const c = this.cluster;
    const key = storeKey(pod);
    const old = c.store.get(key);
    if (!old) return { ok: false, code: 404, message: `pods "${pod.metadata.name}" not found` };
    const spec = old.spec as { nodeName?: string };
    if (spec.nodeName) return { ok: false, code: 409, message: `pod ${pod.metadata.name} is already assigned to node "${spec.nodeName}"` };
    const next: KubeObject = Object.assign({}, old, {
      metadata: Object.assign({}, old.metadata, { resourceVersion: c.store.nextRevision() }),
      spec: Object.assign({}, old.spec, { nodeName }),
      status: Object.assign({}, old.status, {
        conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: timestamp(c.now) }],
      }),
    });
    c.store.put(next, key);
    if (c.options.record) {
      c.message('apiserver', 'etcd', 'write', refOf(next));
      c.message('apiserver', `kubelet/${nodeName}`, 'watch MODIFIED', refOf(next));
    }
    c.dispatch({ type: 'MODIFIED', object: next, old, key });
    return { ok: true, object: next };
  }

  private delete(obj: KubeObject, grace?: number): ApiResponse {
    const c = this.cluster;
    const key = storeKey(obj);
    const old = c.store.get(key);
    if (!old) return { ok: false, code: 404, message: `${resourceOf(obj.kind)} "${obj.metadata.name}" not found` };
    const nodeName = (old.spec as { nodeName?: string } | undefined)?.nodeName;
    const phase = (old.status as { phase?: string } | undefined)?.phase;
    // Pods on a node terminate gracefully: the kubelet stops the containers, then deletes with grace 0.
    const graceful = old.kind === 'Pod' && nodeName && grace !== 0 && phase !== 'Succeeded' && phase !== 'Failed';
    // A namespace is finalised by the namespace controller after its contents are gone.
    const finalising = old.kind === 'Namespace' && grace !== 0;
    if (graceful || finalising) {
      if (old.metadata.deletionTimestamp) return { ok: true, object: old };
      const g = (old.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds ?? 30;
      const next: KubeObject = {
        ...old,
        metadata: { ...old.metadata, resourceVersion: c.store.nextRevision(), deletionTimestamp: timestamp(c.now), ...(graceful ? { deletionGracePeriodSeconds: g } : {}) },
        ...(finalising ? { status: { phase: 'Terminating' } } : {}),
      };
      c.store.put(next);
      if (c.options.record) c.message('apiserver', 'etcd', 'write', refOf(next));
      this.notify('MODIFIED', next);
      c.dispatch({ type: 'MODIFIED', object: next, old, key });
      return { ok: true, object: next };
    }
    c.store.remove(key);
    this.lastApplied.delete(key);
    if (c.options.record) c.message('apiserver', 'etcd', 'delete', refOf(old));
    this.notify('DELETED', old);
    c.dispatch({ type: 'DELETED', object: old, old, key });
    return { ok: true, object: old };
  }

  allocateClusterIp(): string {
    const n = this.clusterIpSeq++;
    return `10.96.${(n >> 8) & 255}.${n & 255}`;
  }

  allocateNodePort(): number {
    return 30000 + (this.nodePortSeq++ % 2768);
  }

  private notify(type: string, obj: KubeObject): void {
    const c = this.cluster;
    if (!c.options.record) return;
    if (obj.kind === 'Pod') {
      const node = (obj.spec as { nodeName?: string }).nodeName;
      c.message('apiserver', node ? `kubelet/${node}` : 'scheduler', `watch ${type}`, refOf(obj));
      if ((obj.metadata.ownerReferences ?? []).length) c.message('apiserver', 'controller-manager', `watch ${type}`, refOf(obj));
      return;
    }
    for (const w of getKindInfo(obj.kind)?.watchers ?? []) c.message('apiserver', w, `watch ${type}`, refOf(obj));
  }
}

export function refOf(o: KubeObject): string {
  return keyFor(o.kind, nsOf(o), o.metadata.name);
}

/** Simulated wall clock: t=0 is 2026-01-01T00:00:00Z, so timestamps are real-looking and stable. */
export const EPOCH_MS = Date.UTC(2026, 0, 1);

let lastSeconds = NaN;
let lastStamp = '';

export function timestamp(seconds: number): string {
  if (seconds !== lastSeconds) {
    lastSeconds = seconds;
    lastStamp = new Date(EPOCH_MS + seconds * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastStamp;
}

/** The authorizer's attributes of a request (k8s.io/apiserver request info: verb, group, resource, subresource, name, namespace). */
export function requestAttributes(c: Cluster, req: ApiRequest): Attributes {
  const o = req.object;
  const info = getKindInfo(o.kind);
  const aggregated = AGGREGATED_KINDS[o.kind];
  const apiGroupName = aggregated?.group ?? (info ? apiGroup(info.apiVersion) : apiGroup(o.apiVersion));
  const resource = aggregated?.resource ?? info?.resource ?? `${o.kind.toLowerCase()}s`;
  const clusterScoped = aggregated ? !aggregated.namespaced : isClusterScopedKind(o);
  const namespace = clusterScoped || (req.verb === 'list' && req.allNamespaces) ? '' : nsOf(o);
  let verb: string = req.authVerb ?? req.verb;
  let subresource = req.subresource;
  if (!req.authVerb) {
    if (req.verb === 'apply') verb = c.store.get(storeKey(o)) ? 'patch' : 'create';
    else if (req.verb === 'updateStatus') [verb, subresource] = ['update', 'status'];
    else if (req.verb === 'bind') [verb, subresource] = ['create', 'binding'];
  }
  // A create names no object in its URL: the message says `deployments.apps is forbidden`.
  const name = req.verb === 'list' || verb === 'create' && !subresource ? undefined : o.metadata.name;
  return { verb, apiGroup: apiGroupName, resource, ...(subresource ? { subresource } : {}), ...(name ? { name } : {}), namespace };
}

function isClusterScopedKind(o: KubeObject): boolean {
  return nsOf(o) === '';
}

/** A body the decoder refuses (400), or list items that decoded as zero structs and fail validation (422). */
function decodeFailure(obj: KubeObject): ApiResponse | null {
  const undecodable = decodeError(obj);
  if (undecodable) return { ok: false, code: 400, message: undecodable };
  const zero = zeroItemErrors(obj);
  if (zero.length === 0) return null;
  // apierrors.NewInvalid: one error as is, several as a bracketed list.
  return { ok: false, code: 422, message: `${obj.kind} "${obj.metadata.name}" is invalid: ${zero.length === 1 ? zero[0] : `[${zero.join(', ')}]`}` };
}
