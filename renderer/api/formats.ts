/**
 * Design-file text and manifest import as the renderer uses them, behind one seam. Export, parse
 * and validation come from shared/manifests and shared/validation.
 * TODO(merge): once shared/design's serializeDesign/parseDesign/isDesignText and shared/manifests'
 * importAsDesign/layoutDesign are merged to main, replace the design functions below with them.
 */
import { dump, loadAll, YAMLException } from 'js-yaml';
import { DESIGN_FORMAT_VERSION, defaultCluster, type Box, type Design, type Point } from '../../shared/design/types';
import { isNamespaced } from '../../shared/kinds/registry';
import { exportManifests, exportManifestsByNamespace, parseManifests, sortForApply, type LoadedObject, type ManifestError } from '../../shared/manifests';
import { DEFAULT_NAMESPACE, isPlainObject, type KubeObject } from '../../shared/model/object';

export type FormatError = ManifestError;
export type { LoadedObject };

const DUMP = { lineWidth: -1, noRefs: true } as const;

export function exportYaml(objects: KubeObject[]): string {
  return exportManifests(objects);
}

export function exportYamlByNamespace(objects: KubeObject[]): Map<string, string> {
  return exportManifestsByNamespace(objects);
}

export function parseManifestsText(text: string, file: string): { objects: LoadedObject[]; errors: FormatError[] } {
  return parseManifests(text, file);
}

function lineOf(e: unknown): number | undefined {
  return e instanceof YAMLException && e.mark ? e.mark.line + 1 : undefined;
}

function reasonOf(e: unknown): string {
  return e instanceof YAMLException ? e.reason : e instanceof Error ? e.message : String(e);
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
