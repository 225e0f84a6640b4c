/**
 * What parsing manifests yields: each object with where it came from, and one-line errors that
 * name the file and line so a user can find the culprit.
 */
import type { KubeObject } from '../model/object';

export interface ObjectSource {
  file: string;
  /** 1-based line where the object's document (or `kind: List` item) starts. */
  line: number;
  /** 0-based index of the YAML document in the file. */
  index: number;
}

export interface LoadedObject {
  object: KubeObject;
  source: ObjectSource;
}

/** One line, no stack: `file:line: message` when formatted. */
export interface ManifestError {
  file: string;
  line?: number;
  message: string;
}

export function formatManifestError(e: ManifestError): string {
  return `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}
