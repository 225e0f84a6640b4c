import { CORE_SCHEMA, mergeTag } from 'js-yaml';

/**
 * YAML 1.2 core schema plus merge keys (`<<: *defaults`): Kubernetes' own YAML reader applies
 * merge keys, so a manifest that uses them means the merged object. js-yaml 5 leaves them off
 * unless asked.
 */
export const MANIFEST_SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/**
 * Bounds that keep hostile or accidental input (huge files, alias bombs, deep nesting) from
 * eating the machine. Each is checked before or while parsing, never after the damage is done.
 */

/** Largest manifest or design file we read. 10,000 typical objects are ~15 MB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Deepest nesting of mappings and sequences; real objects (even CRD schemas) stay far below. */
export const MAX_DEPTH = 128;

/** Aliases (`*name`) allowed per YAML document. */
export const MAX_ALIASES = 1000;

/** Nodes an aliased document may expand to (a "billion laughs" expands to 10^9). */
export const MAX_EXPANDED_NODES = 200_000;

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}
