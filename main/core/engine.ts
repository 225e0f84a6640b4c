/**
 * What the heavy-work worker needs from shared/ and main/core/inputs, as one interface. The
 * worker runs the real implementation (./engineImpl.ts); tests may pass a fake. Types are
 * structural copies of the agreed cross-helper APIs so this file compiles on its own.
 */
import type { ClusterSpec, Design } from '../../shared/design/types';
import type { ValidationProblem } from '../../shared/ipc/api';
import type { KubeObject } from '../../shared/model/object';

export interface LoadedObject {
  object: KubeObject;
  source: { file: string; line: number; index: number };
}

export interface ManifestError {
  file: string;
  line?: number;
  message: string;
}

export interface SimulationInput {
  objects: KubeObject[];
  cluster: ClusterSpec;
  scenario?: unknown;
  seed?: number;
}

export interface Engine {
  isDesignText(text: string): boolean;
  parseDesign(text: string, file: string): { design: Design; warnings: string[] } | { error: ManifestError };
  serializeDesign(design: Design): string;
  designObjects(design: Design): KubeObject[];
  exportManifests(objects: KubeObject[]): string;
  exportManifestsByNamespace(objects: KubeObject[]): Map<string, string>;
  importAsDesign(loaded: LoadedObject[], name: string): Design;
  loadInputs(paths: string[]): Promise<{ objects: LoadedObject[]; design?: Design; designFile?: string; errors: ManifestError[]; warnings?: string[] }>;
  validateObjects(objects: KubeObject[]): ValidationProblem[];
  /** Absent until the simulator is wired in; `simulation:run` then reports it unavailable. */
  simulate?(input: SimulationInput): unknown;
}
