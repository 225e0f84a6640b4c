/**
 * The catalogue of kinds Kubeplan knows: the palette's kind modules and the kinds the cluster has
 * without a palette entry. Anything else is kept as a generic resource.
 */
import { apiGroup } from '../model/object';
import type { AnyKindModule, KindInfo, NameFormat } from './types';
import { ALL_KINDS, API_ONLY_KINDS } from './all';

const modules = new Map<string, AnyKindModule>();
const infos = new Map<string, KindInfo>();
let aliases: Map<string, string> | undefined;
/** resourceOf's answers: quota admission asks for every object. */
const resources = new Map<string, string>();
let generation = 0;
/** Kinds that are not namespaced, kept in step with the catalogue (the simulator asks for every object). */
const clusterScoped = new Set<string>();
for (const m of ALL_KINDS) register(m as AnyKindModule);
for (const k of API_ONLY_KINDS) register(k);

/**
 * Add a kind to the catalogue: a `KindModule` (with `display` and `create`) joins the palette, a
 * plain `KindInfo` is known by name only. `./all.ts` registers every built-in kind at load.
 */
export function register(kind: KindInfo | AnyKindModule): void {
  if (infos.has(kind.kind)) throw new Error(`Kind ${kind.kind} is registered twice.`);
  infos.set(kind.kind, kind);
  if (!kind.namespaced) clusterScoped.add(kind.kind);
  aliases = undefined;
  resources.clear();
  generation++;
  if ('create' in kind) modules.set(kind.kind, kind);
}

/** Take a kind out of the catalogue again (tests that register a throw-away kind). */
export function unregister(kind: string): void {
  infos.delete(kind);
  clusterScoped.delete(kind);
  aliases = undefined;
  resources.clear();
  generation++;
  modules.delete(kind);
}

/** Whether the catalogue knows `kind` as cluster-scoped (unknown kinds count as namespaced). */
export function isClusterScopedKind(kind: string): boolean {
  return clusterScoped.has(kind);
}

/** Changes whenever the catalogue does, for tables derived from it. */
export function catalogueGeneration(): number {
  return generation;
}

/**
 * The module for a kind, or undefined for kinds Kubeplan does not draw. When `apiVersion` is given
 * it must be the module's group (any version of the group is accepted: `autoscaling/v2` only today).
 */
export function getKindModule(kind: string, apiVersion?: string): AnyKindModule | undefined {
  const m = modules.get(kind);
  if (!m) return undefined;
  if (apiVersion !== undefined && apiGroup(apiVersion) !== apiGroup(m.apiVersion)) return undefined;
  return m;
}

/** The kind modules of the palette. */
export function allKindModules(): readonly AnyKindModule[] {
  return [...modules.values()];
}

/** What Kubeplan knows about a kind by its name (palette or not), or undefined. */
export function getKindInfo(kind: string): KindInfo | undefined {
  return infos.get(kind);
}

/** Every kind Kubeplan knows, palette kinds first. */
export function allKinds(): readonly KindInfo[] {
  return [...infos.values()];
}

/**
 * Whether objects of a kind live in a namespace. A palette kind asked for in another group is
 * someone else's kind; unknown kinds are assumed namespaced when they carry a namespace (most
 * custom resources are); the exporter keeps whatever the object says.
 */
export function isNamespaced(kind: string, apiVersion?: string): boolean {
  const m = getKindModule(kind, apiVersion);
  if (m) return m.namespaced;
  return modules.has(kind) ? true : (infos.get(kind)?.namespaced ?? true);
}

/** The resource name the API server uses in messages and quota (`pods`, `deployments.apps`); a guess for unknown kinds. */
export function resourceOf(kind: string): string {
  let name = resources.get(kind);
  if (name === undefined) {
    const k = infos.get(kind);
    const group = k ? apiGroup(k.apiVersion) : '';
    name = !k ? `${kind.toLowerCase()}s` : group ? `${k.resource}.${group}` : k.resource;
    resources.set(kind, name);
  }
  return name;
}

/** Every name kubectl accepts for a kind (`deployment`, `deployments`, `deploy`), lower-case, to the kind. */
export function kindAliases(): ReadonlyMap<string, string> {
  if (aliases) return aliases;
  aliases = new Map<string, string>();
  for (const k of infos.values()) {
    for (const alias of [k.kind.toLowerCase(), k.resource, k.shortName]) if (alias && !aliases.has(alias)) aliases.set(alias, k.kind);
  }
  return aliases;
}

/** The name rule of a kind's ValidateObjectMeta: DNS-1123 subdomain unless the kind says otherwise. */
export function nameFormat(kind: string): NameFormat {
  return infos.get(kind)?.nameFormat ?? 'dns1123-subdomain';
}
