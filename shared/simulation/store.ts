/**
 * etcd, simulated: every object by key, with the indexes the controllers need so no controller
 * rescans the whole store per event (by kind, by kind+namespace, by owner uid, pods by node).
 */
import { isClusterScopedKind } from '../kinds/registry';
import type { KubeObject } from '../model/object';

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchType;
  object: KubeObject;
  /** The previous version for MODIFIED and DELETED. */
  old?: KubeObject;
  /** The controller's key (`Kind/ns/name`), worked out once per event for every informer: see eventOwner. */
  owner?: string | null;
  /** The object's store key, worked out once per event (see eventKey) so every informer shares one string. */
  key?: string;
}

/** The event's object key, computed once and shared by every handler (and the queues they feed). */
export function eventKey(ev: WatchEvent): string {
  return (ev.key ??= storeKey(ev.object));
}

/** Whether a kind is cluster-scoped, as the catalogue says (this runs for every event). */
export function isClusterScoped(kind: string): boolean {
  return isClusterScopedKind(kind);
}

export function nsOf(o: KubeObject): string {
  return isClusterScoped(o.kind) ? '' : o.metadata.namespace || 'default';
}

/** The store key: `Kind/namespace/name` (namespace empty for cluster-scoped kinds). */
export function keyFor(kind: string, namespace: string, name: string): string {
  return `${kind}/${isClusterScoped(kind) ? '' : namespace || 'default'}/${name}`;
}

export function storeKey(o: KubeObject): string {
  return keyFor(o.kind, nsOf(o), o.metadata.name);
}

const NO_OBJECTS: KubeObject[] = [];

export class Store {
  private readonly objects = new Map<string, KubeObject>();
  /** kind → namespace → objects: two lookups instead of building a `kind/ns` string per write. */
  private readonly byKindNs = new Map<string, Map<string, Map<string, KubeObject>>>();
  private readonly byKind = new Map<string, Map<string, KubeObject>>();
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly podsByNode = new Map<string, Set<string>>();
  private readonly keyByUid = new Map<string, string>();
  /** Pods with pod affinity or anti-affinity (immutable in a pod spec): InterPodAffinity reads only these. */
  private readonly affinityPodKeys = new Set<string>();
  private revision = 0;

  get resourceVersion(): number {
    return this.revision;
  }

  nextRevision(): string {
    this.revision += 1;
    return String(this.revision);
  }

  get(key: string): KubeObject | undefined {
    return this.objects.get(key);
  }

  getBy(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.objects.get(keyFor(kind, namespace, name));
  }

  byUid(uid: string): KubeObject | undefined {
    const key = this.keyByUid.get(uid);
    return key ? this.objects.get(key) : undefined;
  }

  /** Objects of a kind, in creation order; `namespace` undefined for all namespaces. */
  list(kind: string, namespace?: string): KubeObject[] {
    const m = namespace === undefined ? this.byKind.get(kind) : this.byKindNs.get(kind)?.get(namespace);
    return m ? [...m.values()] : [];
  }

  count(kind: string, namespace?: string): number {
    const m = namespace === undefined ? this.byKind.get(kind) : this.byKindNs.get(kind)?.get(namespace);
    return m?.size ?? 0;
  }

  /** Objects whose ownerReferences name `uid`. */
  dependents(uid: string): KubeObject[] {
    const keys = this.byOwner.get(uid);
    if (!keys) return [];
    const out: KubeObject[] = [];
    for (const k of keys) {
      const o = this.objects.get(k);
      if (o) out.push(o);
    }
    return out;
  }

  podsOnNode(node: string): KubeObject[] {
    const keys = this.podsByNode.get(node);
    if (!keys) return [];
    return [...keys].map((k) => this.objects.get(k)).filter((o): o is KubeObject => o !== undefined);
  }

  /** Pods whose spec has podAffinity or podAntiAffinity, in creation order (usually none). */
  podsWithAffinity(): KubeObject[] {
    if (this.affinityPodKeys.size === 0) return NO_OBJECTS;
    const out: KubeObject[] = [];
    for (const k of this.affinityPodKeys) {
      const o = this.objects.get(k);
      if (o) out.push(o);
    }
    return out;
  }

  namespaces(): string[] {
    const set = new Set<string>();
    for (const o of this.objects.values()) {
      const ns = nsOf(o);
      if (ns) set.add(ns);
    }
    return [...set];
  }

  /** Writes `o` (insert or replace) and keeps every index in step. Returns the previous version. */
  put(o: KubeObject, key = storeKey(o)): KubeObject | undefined {
    const old = this.objects.get(key);
    this.objects.set(key, o);
    if (!old) {
      this.index(key, o);
      return old;
    }
    // Replacing keeps the key's place in every map (lists stay in creation order) and touches only
    // the indexes whose inputs changed: status writes, the bulk of all writes, touch none.
    mapOf(mapOf(this.byKindNs, o.kind), nsOf(o)).set(key, o);
    mapOf(this.byKind, o.kind).set(key, o);
    if (old.metadata.uid !== o.metadata.uid) {
      if (old.metadata.uid && this.keyByUid.get(old.metadata.uid) === key) this.keyByUid.delete(old.metadata.uid);
      if (o.metadata.uid) this.keyByUid.set(o.metadata.uid, key);
    }
    if (old.metadata.ownerReferences !== o.metadata.ownerReferences) {
      for (const ref of old.metadata.ownerReferences ?? []) this.byOwner.get(ref.uid)?.delete(key);
      for (const ref of o.metadata.ownerReferences ?? []) setOf(this.byOwner, ref.uid).add(key);
    }
    if (o.kind === 'Pod') {
      const was = (old.spec as { nodeName?: string } | undefined)?.nodeName;
      const now = (o.spec as { nodeName?: string } | undefined)?.nodeName;
      if (was !== now) {
        if (was) this.podsByNode.get(was)?.delete(key);
        if (now) setOf(this.podsByNode, now).add(key);
      }
    }
    return old;
  }

  remove(key: string): KubeObject | undefined {
    const old = this.objects.get(key);
    if (!old) return undefined;
    this.unindex(key, old);
    this.objects.delete(key);
    return old;
  }

  private index(key: string, o: KubeObject): void {
    mapOf(mapOf(this.byKindNs, o.kind), nsOf(o)).set(key, o);
    mapOf(this.byKind, o.kind).set(key, o);
    if (o.metadata.uid) this.keyByUid.set(o.metadata.uid, key);
    for (const ref of o.metadata.ownerReferences ?? []) setOf(this.byOwner, ref.uid).add(key);
    if (o.kind === 'Pod') {
      const spec = o.spec as { nodeName?: string; affinity?: { podAffinity?: unknown; podAntiAffinity?: unknown } } | undefined;
      if (spec?.nodeName) setOf(this.podsByNode, spec.nodeName).add(key);
      if (spec?.affinity && (spec.affinity.podAffinity || spec.affinity.podAntiAffinity)) this.affinityPodKeys.add(key);
    }
  }

  private unindex(key: string, o: KubeObject): void {
    this.byKindNs.get(o.kind)?.get(nsOf(o))?.delete(key);
    this.byKind.get(o.kind)?.delete(key);
    if (o.metadata.uid && this.keyByUid.get(o.metadata.uid) === key) this.keyByUid.delete(o.metadata.uid);
    for (const ref of o.metadata.ownerReferences ?? []) this.byOwner.get(ref.uid)?.delete(key);
    if (o.kind === 'Pod') {
      const node = (o.spec as { nodeName?: string } | undefined)?.nodeName;
      if (node) this.podsByNode.get(node)?.delete(key);
      this.affinityPodKeys.delete(key);
    }
  }
}

function mapOf<V>(m: Map<string, Map<string, V>>, k: string): Map<string, V> {
  let v = m.get(k);
  if (!v) m.set(k, (v = new Map()));
  return v;
}

function setOf(m: Map<string, Set<string>>, k: string): Set<string> {
  let v = m.get(k);
  if (!v) m.set(k, (v = new Set()));
  return v;
}
