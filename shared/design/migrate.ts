/**
 * Design format migrations: a registry of steps, each taking a document of one version to the
 * next. Loading runs every step from the file's version up to DESIGN_FORMAT_VERSION.
 * To change the format: bump DESIGN_FORMAT_VERSION, add a step here, and a test with an old file.
 */
import { isPlainObject } from '../model/object';
import { DESIGN_FORMAT_VERSION } from './types';
import type { PathSegment } from './yamlPositions';

export interface MigrationStep {
  from: number;
  /** What changed, in one line (shown as a warning when a file is migrated). */
  description: string;
  /** A purely additive step: every file of the old format is already valid in the new one, so opening it warns of nothing. */
  quiet?: boolean;
  migrate(doc: unknown): Record<string, unknown>;
  /** Where a path of the migrated document was in the old one, so errors still name the right line. */
  originalPath(path: readonly PathSegment[]): PathSegment[];
}

export const MIGRATIONS: readonly MigrationStep[] = [
  {
    // Format 0: a bare YAML list of Kubernetes objects, no layout (early exports of the prototype).
    from: 0,
    description: 'format 0 (a bare list of objects) migrated to format 1; the layout was created automatically',
    migrate: (doc) => ({
      kubeplan: 1,
      resources: (doc as unknown[]).map((object, i) => ({ id: `r${i + 1}`, object })),
    }),
    originalPath: (path) => (path[0] === 'resources' && typeof path[1] === 'number' ? [path[1], ...path.slice(3)] : []),
  },
  {
    // Format 2 adds the optional `flows:` list (traffic flows); a format 1 file has none.
    from: 1,
    description: 'format 1 migrated to format 2 (traffic flows)',
    quiet: true,
    migrate: (doc) => ({ ...(doc as Record<string, unknown>), kubeplan: 2 }),
    originalPath: (path) => [...path],
  },
];

/** The format version of a raw document: 0 for a bare list, `kubeplan:` otherwise, undefined when absent. */
export function formatVersionOf(doc: unknown): number | undefined {
  if (Array.isArray(doc)) return 0;
  if (isPlainObject(doc) && typeof doc.kubeplan === 'number') return doc.kubeplan;
  return undefined;
}

export interface Migrated {
  doc: Record<string, unknown>;
  warnings: string[];
  /** Maps a path in the migrated document to the path in the file as written. */
  originalPath(path: readonly PathSegment[]): PathSegment[];
}

/** Run the steps from `version` to the current one. Throws when a step is missing. */
export function migrateDesign(doc: unknown, version: number): Migrated {
  const steps: MigrationStep[] = [];
  let current = doc;
  for (let v = version; v < DESIGN_FORMAT_VERSION; v++) {
    const step = MIGRATIONS.find((s) => s.from === v);
    if (!step) throw new Error(`no migration from design format ${v}`);
    current = step.migrate(current);
    steps.push(step);
  }
  return {
    doc: current as Record<string, unknown>,
    warnings: steps.filter((s) => !s.quiet).map((s) => s.description),
    originalPath: (path) => steps.reduceRight<PathSegment[]>((p, s) => s.originalPath(p), [...path]),
  };
}
