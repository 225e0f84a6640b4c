/**
 * What the heavy-work worker needs from shared/ and main/core/inputs, as one interface. The
 * worker runs the real implementation (./engineImpl.ts); tests may pass a fake.
 */
import type { ClusterSpec, Design } from '../../shared/design/types';
import type { ValidationProblem } from '../../shared/ipc/api';
import type { TrafficReport } from '../../shared/ipc/traffic';
import type { LoadedObject, ManifestError } from '../../shared/manifests';
import type { KubeObject } from '../../shared/model/object';
import type { simulate, TrafficFlowSpec } from '../../shared/simulation';
import type { SessionFrame, SimulationSession } from '../../shared/simulation/session';

export type { LoadedObject, ManifestError };

export interface SimulationInput {
  objects: KubeObject[];
  cluster: ClusterSpec;
  /** A parsed scenario or its YAML text, as the renderer sent it. */
  scenario?: unknown;
  seed?: number;
  /** The design's traffic flows, sent through the running cluster (SimulationInput.flows in shared/simulation/types.ts). */
  flows?: TrafficFlowSpec[];
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
  /** `simulate()`'s result; the session engine adds its frames and the session, still live (shared/simulation/session). */
  simulate(input: SimulationInput): ReturnType<typeof simulate> & { sessionFrames?: SessionFrame[]; session?: SimulationSession };
  /** The design's flows traced over its steady state, and the connectivity matrix. */
  traceTraffic(design: Design): TrafficReport;
  /** `simulate()`'s result; the session engine adds its frames (shared/simulation/session). */
  simulate(input: SimulationInput): ReturnType<typeof simulate> & { sessionFrames?: SessionFrame[] };
}
