/**
 * Design and manifest text formats as the renderer uses them, behind one seam.
 * TODO(merge): once `git merge main` brings shared/manifests, shared/design/serialize and
 * shared/validation, replace these bodies with calls to exportManifests, exportManifestsByNamespace,
 * parseManifests, importAsDesign, serializeDesign, parseDesign and validateObjects.
 */
import { dump, loadAll, YAMLException } from 'js-yaml';
import { DESIGN_FORMAT_VERSION, defaultCluster, type Box, type Design, type Point } from '../../shared/design/types';
import { isNamespaced } from '../../shared/kinds/registry';
import { DEFAULT_NAMESPACE, isPlainObject, objectKey, type KubeObject } from '../../shared/model/object';
import { resolveReferences } from '../../shared/references';

export interface FormatError {
  file: string;
  line?: number;
  message: string;
}

export interface LoadedObject {
  object: KubeObject;
  source: { file: string; line: number; index: number };
}

const DUMP = { lineWidth: -1, noRefs: true } as const;

// Apply order as kubectl users expect it: namespaces and cluster setup first, workloads after config.
const ORDER = ['Namespace', 'ResourceQuota', 'LimitRange', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'ServiceAccount', 'Role', 'RoleBinding', 'ConfigMap', 'Secret', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Ingress', 'NetworkPolicy', 'HorizontalPodAutoscaler'];

export function sortForApply(objects: KubeObject[]): KubeObject[] {
  const rank = (o: KubeObject) => {
    const i = ORDER.indexOf(o.kind);
    return i < 0 ? ORDER.length : i;
  };
  return objects.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map((x) => x.o);
}

export function exportYaml(objects: KubeObject[]): string {
  return sortForApply(objects).map((o) => dump(o, DUMP)).join('---\n');
}

export function namespaceFileOf(o: KubeObject): string {
  if (o.kind === 'Namespace') return `${o.metadata.name}.yaml`;
  return isNamespaced(o.kind, o.apiVersion) ? `${o.metadata.namespace ?? DEFAULT_NAMESPACE}.yaml` : '_cluster.yaml';
}

export function exportYamlByNamespace(objects: KubeObject[]): Map<string, string> {
  const groups = new Map<string, KubeObject[]>();
  for (const o of objects) {
    const f = namespaceFileOf(o);
    groups.set(f, [...(groups.get(f) ?? []), o]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([f, os]) => [f, exportYaml(os)]));
}

function lineOf(e: unknown): number | undefined {
  return e instanceof YAMLException && e.mark ? e.mark.line + 1 : undefined;
}

function reasonOf(e: unknown): string {
  return e instanceof YAMLException ? e.reason : e instanceof Error ? e.message : String(e);
}

/** Start lines of each `---` separated document, so objects keep their source line. */
function docStartLines(text: string): number[] {
  const lines = text.split('\n');
  const starts = [1];
  lines.forEach((l, i) => {
    if (/^---(\s|$)/.test(l)) starts.push(i + 2);
  });
  return starts;
}

export function parseManifestsText(text: string, file: string): { objects: LoadedObject[]; errors: FormatError[] } {
  let docs: unknown[];
  try {
    docs = loadAll(text) as unknown[];
  } catch (e) {
    return { objects: [], errors: [{ file, line: lineOf(e), message: reasonOf(e) }] };
  }
  const starts = docStartLines(text);
  const objects: LoadedObject[] = [];
  const errors: FormatError[] = [];
  const nonEmpty = /^---/.test(text.trimStart()) ? starts.slice(1) : starts;
  docs.forEach((doc, index) => {
    const line = nonEmpty[index] ?? 1;
    if (doc === null || doc === undefined) return;
    const items = isPlainObject(doc) && doc.kind === 'List' && Array.isArray(doc.items) ? doc.items : [doc];
    for (const item of items) {
      if (isKubeObject(item)) objects.push({ object: item, source: { file, line, index } });
      else errors.push({ file, line, message: 'not a Kubernetes object: apiVersion, kind and metadata.name are required' });
    }
  });
  return { objects, errors };
}

export function isKubeObject(v: unknown): v is KubeObject {
  return isPlainObject(v) && typeof v.apiVersion === 'string' && typeof v.kind === 'string' && isPlainObject(v.metadata) && typeof v.metadata.name === 'string' && v.metadata.name !== '';
}

export function isDesignText(text: string): boolean {
  return /^kubeplan:\s*\d+/m.test(text.slice(0, 2000));
}

export function serializeDesign(design: Design): string {
  const doc = {
    kubeplan: design.formatVersion,
    name: design.name,
    cluster: design.cluster,
    layout: { frames: design.layout.frames },
    resources: design.resources.map((r) => ({ id: r.id, position: design.layout.positions[r.id] ?? { x: 0, y: 0 }, object: r.object })),
  };
  return dump(doc, DUMP);
}

export function parseDesignText(text: string, file: string): { design: Design; warnings: string[] } | { error: FormatError } {
  let doc: unknown;
  try {
    const docs = loadAll(text) as unknown[];
    doc = docs[0];
  } catch (e) {
    return { error: { file, line: lineOf(e), message: reasonOf(e) } };
  }
  if (!isPlainObject(doc) || typeof doc.kubeplan !== 'number') return { error: { file, line: 1, message: 'not a Kubeplan design: the `kubeplan:` format version is missing' } };
  const warnings: string[] = [];
  const resources: Design['resources'] = [];
  const positions: Record<string, Point> = {};
  const list = Array.isArray(doc.resources) ? doc.resources : [];
  list.forEach((r, i) => {
    if (!isPlainObject(r) || !isKubeObject(r.object)) {
      warnings.push(`resources[${i}] skipped: not a Kubernetes object`);
      return;
    }
    const id = typeof r.id === 'string' && r.id ? r.id : `r${i + 1}`;
    resources.push({ id, object: r.object });
    const p = r.position;
    positions[id] = isPlainObject(p) && typeof p.x === 'number' && typeof p.y === 'number' ? { x: p.x, y: p.y } : { x: 40 + (i % 6) * 200, y: 40 + Math.floor(i / 6) * 100 };
  });
  const layout = isPlainObject(doc.layout) ? doc.layout : {};
  const frames: Record<string, Box> = isPlainObject(layout.frames) ? (layout.frames as Record<string, Box>) : {};
  const cluster = isPlainObject(doc.cluster) && Array.isArray(doc.cluster.nodes) ? (doc.cluster as unknown as Design['cluster']) : defaultCluster();
  return {
    design: { formatVersion: DESIGN_FORMAT_VERSION, name: typeof doc.name === 'string' ? doc.name : file.replace(/\.kubeplan\.ya?ml$/, ''), resources, layout: { positions, frames }, cluster },
    warnings,
  };
}

/** Loaded manifests as a new design: one frame per namespace, resources in rows by apply order. */
export function importAsDesign(loaded: LoadedObject[], name: string): Design {
  const byNs = new Map<string, KubeObject[]>();
  for (const { object } of loaded) {
    const ns = isNamespaced(object.kind, object.apiVersion) ? (object.metadata.namespace ?? DEFAULT_NAMESPACE) : object.kind === 'Namespace' ? object.metadata.name : '';
    byNs.set(ns, [...(byNs.get(ns) ?? []), object]);
  }
  const resources: Design['resources'] = [];
  const positions: Record<string, Point> = {};
  const frames: Record<string, Box> = {};
  let y = 40;
  for (const [ns, objects] of byNs) {
    const sorted = sortForApply(objects);
    const cols = Math.min(4, sorted.length);
    const rows = Math.ceil(sorted.length / 4);
    if (ns) frames[ns] = { x: 40, y, width: cols * 200 + 40, height: rows * 100 + 60 };
    sorted.forEach((o, i) => {
      const id = `r${resources.length + 1}`;
      resources.push({ id, object: o });
      positions[id] = { x: 60 + (i % 4) * 200, y: y + 44 + Math.floor(i / 4) * 100 };
    });
    y += rows * 100 + 100;
  }
  return { formatVersion: DESIGN_FORMAT_VERSION, name, resources, layout: { positions, frames }, cluster: defaultCluster() };
}

export interface SimpleProblem {
  severity: 'error' | 'warning';
  rule: string;
  objectKey: string;
  kind: string;
  namespace?: string;
  name: string;
  path: string;
  message: string;
  hint?: string;
}

/** Broken references and duplicate names: the checks possible before shared/validation lands. */
export function validate(objects: KubeObject[]): SimpleProblem[] {
  const problems: SimpleProblem[] = [];
  const seen = new Set<string>();
  for (const o of objects) {
    const key = objectKey(o, isNamespaced(o.kind, o.apiVersion));
    if (seen.has(key)) problems.push({ severity: 'error', rule: 'duplicate-name', objectKey: key, kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, path: 'metadata.name', message: `${o.kind} "${o.metadata.name}" is defined more than once` });
    seen.add(key);
  }
  const byKey = new Map(objects.map((o) => [objectKey(o, isNamespaced(o.kind, o.apiVersion)), o]));
  for (const ref of resolveReferences(objects)) {
    if (!ref.problem) continue;
    const o = byKey.get(ref.source);
    if (!o) continue;
    problems.push({ severity: ref.problem.severity, rule: ref.rule, objectKey: ref.source, kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name, path: ref.path, message: ref.problem.message, hint: ref.problem.hint });
  }
  return problems.sort((a, b) => (a.severity === b.severity ? a.objectKey.localeCompare(b.objectKey) : a.severity === 'error' ? -1 : 1));
}
