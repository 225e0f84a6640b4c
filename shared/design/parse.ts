/**
 * Load a design file: check its structure (errors name file and line), migrate older formats,
 * and give every resource a position (auto-layout for the ones without).
 */
import { formatBytes, MAX_FILE_BYTES } from '../manifests/limits';
import { expandAliases, findBinary, objectProblem, yamlError } from '../manifests/parse';
import type { ManifestError } from '../manifests/types';
import { prototypeKeyMessage, prototypeKeyPath } from '../model/keys';
import { isPlainObject, type KubeObject } from '../model/object';
import { fillMissingLayout } from './layout';
import { formatVersionOf, migrateDesign } from './migrate';
import { DESIGN_FILE_KEYS, describeIssue, designFileSchema } from './schema';
import { defaultCluster, DESIGN_FORMAT_VERSION, type Box, type ClusterNode, type Design, type Point } from './types';
import { loadWithPositions, type LocatedDocument, type PathSegment } from './yamlPositions';

export type ParseDesignResult =
  | {
      design: Design;
      warnings: string[];
      /** 1-based line of each resource's object in the file, by resource index (for problems). */
      objectLines: number[];
    }
  | { error: ManifestError };

/** Whether text is a Kubeplan design rather than plain manifests: it has a top-level `kubeplan:` key. */
export function isDesignText(text: string): boolean {
  return /^(kubeplan|"kubeplan"|'kubeplan')[ \t]*:/m.test(text) || /^\s*\{\s*"kubeplan"\s*:/.test(text);
}

export function parseDesign(text: string, file: string): ParseDesignResult {
  const fail = (message: string, line?: number): ParseDesignResult => ({ error: { file, ...(line !== undefined ? { line } : {}), message } });
  if (text.length > MAX_FILE_BYTES) return fail(`file is ${formatBytes(text.length)}, over the ${formatBytes(MAX_FILE_BYTES)} limit for designs`);
  const binary = findBinary(text);
  if (binary) return fail(binary.message, binary.line);

  let located: LocatedDocument;
  try {
    located = loadWithPositions(text, 4);
  } catch (err) {
    return { error: yamlError(err, file, 0) };
  }
  const documents = located.values.filter((v) => v !== null && v !== undefined);
  if (documents.length === 0) return fail('empty design file: expected a mapping with "kubeplan: 1"', 1);
  if (documents.length > 1 || located.values[0] == null) return fail(`a design file holds one YAML document, this one has ${documents.length}`, 1);
  let raw: unknown = documents[0];
  if (located.aliases > 0) {
    raw = expandAliases(raw);
    if (raw === undefined) return fail('aliases expand to too many nodes (an alias bomb?)', 1);
  }

  const version = formatVersionOf(raw);
  if (version === undefined && isPlainObject(raw) && raw.kubeplan !== undefined && raw.kubeplan !== null) {
    return fail(`"kubeplan:" is the design format version, a number like 1, not ${describeValue(raw.kubeplan)}`, located.lineOf(['kubeplan']));
  }
  if (version === undefined) {
    const manifest = isPlainObject(raw) && 'apiVersion' in raw && 'kind' in raw;
    return fail(manifest ? 'this is a Kubernetes manifest, not a Kubeplan design (no "kubeplan:" format version); import it instead' : 'not a Kubeplan design: the "kubeplan:" format version is missing', 1);
  }
  if (!Number.isInteger(version) || version < 0) return fail(`"kubeplan: ${version}" is not a design format version`, located.lineOf(['kubeplan']));
  if (version > DESIGN_FORMAT_VERSION) {
    return fail(`design format ${version} is newer than this Kubeplan reads (format ${DESIGN_FORMAT_VERSION}); update Kubeplan to open it`, located.lineOf(['kubeplan']));
  }
  if (version === 0 && !(raw as unknown[]).every((o) => isPlainObject(o))) {
    const bad = (raw as unknown[]).findIndex((o) => !isPlainObject(o));
    return fail(`item ${bad + 1} of the list is not a Kubernetes object`, located.lineOf([bad]));
  }
  const migrated = migrateDesign(raw, version);
  const lineOf = (path: readonly PathSegment[]) => located.lineOf(migrated.originalPath(path));
  const doc = migrated.doc;

  const checked = designFileSchema.safeParse(doc);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return fail(describeIssue(issue, doc), lineOf(issue.path as PathSegment[]));
  }
  const file1 = checked.data;
  const warnings = [...migrated.warnings];
  for (const key of Object.keys(doc)) {
    if (!DESIGN_FILE_KEYS.includes(key)) warnings.push(`line ${lineOf([key])}: unknown field "${key}" ignored`);
  }

  const resources = (doc.resources ?? []) as { id: string; position?: Point; object: unknown }[];
  const unknownResourceKeys = resources.flatMap((r, i) => Object.keys(r).filter((k) => !RESOURCE_KEYS.includes(k)).map((k) => ({ i, k })));
  for (const { i, k } of unknownResourceKeys.slice(0, 5)) warnings.push(`line ${lineOf(['resources', i, k])}: unknown field "resources[${i}].${k}" ignored`);
  if (unknownResourceKeys.length > 5) warnings.push(`${unknownResourceKeys.length - 5} more unknown resource fields ignored`);
  const seen = new Map<string, number>();
  // Keyed by resource id, which may be any string (`__proto__` included): no prototype to collide with.
  const positions: Record<string, Point> = Object.create(null) as Record<string, Point>;
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    const earlier = seen.get(r.id);
    if (earlier !== undefined) return fail(`resources[${i}].id "${r.id}" is already used by resources[${earlier}]`, lineOf(['resources', i, 'id']));
    seen.set(r.id, i);
    const problem = objectProblem(r.object, `resources[${i}].object`);
    if (problem) return fail(problem.startsWith('resources[') ? problem : `resources[${i}].object: ${problem}`, lineOf(['resources', i, 'object']));
    if (r.position) positions[r.id] = { x: r.position.x, y: r.position.y };
  }
  const flows = file1.flows ?? [];
  const flowIds = new Map<string, number>();
  for (let i = 0; i < flows.length; i++) {
    const earlier = flowIds.get(flows[i]!.id);
    if (earlier !== undefined) return fail(`flows[${i}].id "${flows[i]!.id}" is already used by flows[${earlier}]`, lineOf(['flows', i, 'id']));
    flowIds.set(flows[i]!.id, i);
  }
  const reserved = prototypeKeyPath(doc);
  if (reserved) return fail(prototypeKeyMessage(reserved), lineOf([reserved.split(/[.[]/)[0]!]));

  const design: Design = {
    formatVersion: DESIGN_FORMAT_VERSION,
    name: file1.name ?? designNameFromFile(file),
    resources: resources.map((r) => ({ id: r.id, object: r.object as KubeObject })),
    layout: { positions, frames: { ...(file1.layout?.frames ?? {}) } as Record<string, Box> },
    cluster: file1.cluster ? { nodes: (doc.cluster as { nodes: ClusterNode[] }).nodes.map(normalizeNode), ...(file1.cluster.users?.length ? { users: file1.cluster.users.map((u) => ({ name: u.name, ...(u.groups ? { groups: [...u.groups] } : {}), ...(u.namespace ? { namespace: u.namespace } : {}) })) } : {}) } : defaultCluster(),
    ...(flows.length > 0 ? { flows: flows.map((f) => ({ id: f.id, name: f.name, from: f.from, to: f.to, rate: f.rate, ...(f.protocol ? { protocol: f.protocol } : {}) })) } : {}),
  };
  return {
    design: fillMissingLayout(design),
    warnings,
    objectLines: resources.map((_, i) => lineOf(['resources', i, 'object'])),
  };
}

const RESOURCE_KEYS = ['id', 'position', 'object'];

function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (isPlainObject(v)) return 'a mapping';
  return `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
}

/** Capacities written as YAML numbers (`cpu: 4`) are kept as quantity strings. */
function normalizeNode(n: ClusterNode): ClusterNode {
  return { ...n, cpu: String(n.cpu), memory: String(n.memory) };
}

/** `shop.kubeplan.yaml` → `shop`. */
export function designNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/(\.kubeplan)?\.(ya?ml|json)$/i, '') || 'Untitled';
}
