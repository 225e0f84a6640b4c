/**
 * The text formats the renderer reads and writes, from the shared modules in one place: design
 * files (shared/design), manifests (shared/manifests). The worker and the browser API use these.
 */
import { isDesignText, parseDesign, serializeDesign } from '../../shared/design';
import type { Design } from '../../shared/design/types';
import { importAsDesign } from '../../shared/design/import';
import { exportManifests, exportManifestsByNamespace, parseManifests, type LoadedObject, type ManifestError } from '../../shared/manifests';
import { isPlainObject, type KubeObject } from '../../shared/model/object';

export type FormatError = ManifestError;
export type { LoadedObject };
export { importAsDesign, isDesignText, serializeDesign };

export function exportYaml(objects: KubeObject[]): string {
  return exportManifests(objects);
}

export function exportYamlByNamespace(objects: KubeObject[]): Map<string, string> {
  return exportManifestsByNamespace(objects);
}

export function parseManifestsText(text: string, file: string, options: { skipNonObjects?: boolean } = {}): { objects: LoadedObject[]; errors: FormatError[]; skipped: FormatError[] } {
  return parseManifests(text, file, options);
}

export function parseDesignText(text: string, file: string): { design: Design; warnings: string[] } | { error: FormatError } {
  return parseDesign(text, file);
}

export function isKubeObject(v: unknown): v is KubeObject {
  return isPlainObject(v) && typeof v.apiVersion === 'string' && typeof v.kind === 'string' && isPlainObject(v.metadata) && typeof v.metadata.name === 'string' && v.metadata.name !== '';
}
