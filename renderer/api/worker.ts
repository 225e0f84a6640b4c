/**
 * The browser build's worker: the heavy work (export, import, validation, simulation) runs here so
 * the UI thread only draws. Desktop runs the same shared code in main's worker.
 */
import { expose, releaseProxy } from 'comlink';
import type { KubectlRequest, KubectlResult, LiveAction, LiveActionResult, Result, SimulationRequest, SimulationSummary } from '../../shared/ipc/api';
import type { Design } from '../../shared/design/types';
import type { KubeObject } from '../../shared/model/object';
import { validateObjects } from '../../shared/validation';
import { createSimulationRunner, type FramesSink } from './simulation';
import { exportYaml, exportYamlByNamespace, importAsDesign, isDesignText, parseDesignText, parseManifestsText, serializeDesign as serializeDesignText, type FormatError, type LoadedObject } from './formats';
import { pushAll } from '../../shared/model/arrays';
import { formatManifestError } from '../../shared/manifests';
import { trafficReport, type TrafficReport } from '../../shared/simulation/session';
import { observeAnswer, type ObserveQuery, type ObserveResult } from '../../shared/ipc/observe';

export interface TextFile {
  name: string;
  text: string;
}

export type ReadResult =
  | { kind: 'design'; design: Design; warnings: string[]; file: string }
  | { kind: 'manifests'; design: Design; warnings: string[]; count: number }
  | { kind: 'error'; error: FormatError };

const simulations = createSimulationRunner();

export const workerApi = {
  exportYaml(objects: KubeObject[]): string {
    return exportYaml(objects);
  },
  exportByNamespace(objects: KubeObject[]): Array<[string, string]> {
    return [...exportYamlByNamespace(objects)];
  },
  validate(objects: KubeObject[]) {
    return validateObjects(objects);
  },
  serializeDesign(design: Design): string {
    return serializeDesignText(design);
  },
  /**
   * A single design file opens as that design; anything else is manifests imported as a new design.
   * With `folder` (the files of a picked folder) documents that are no Kubernetes object are
   * skipped with a warning naming file and line, as `kubeplan import <folder>` does.
   */
  readFiles(files: TextFile[], name: string, options: { folder?: boolean } = {}): ReadResult {
    const designFile = files.length === 1 && isDesignText(files[0]!.text) ? files[0]! : undefined;
    if (designFile) {
      const r = parseDesignText(designFile.text, designFile.name);
      return 'error' in r ? { kind: 'error', error: r.error } : { kind: 'design', design: r.design, warnings: r.warnings, file: designFile.name };
    }
    const loaded: LoadedObject[] = [];
    const errors: FormatError[] = [];
    const warnings: string[] = [];
    for (const f of files) {
      if (isDesignText(f.text)) {
        errors.push({ file: f.name, line: 1, message: 'a design file cannot be imported together with other files; open it alone' });
        continue;
      }
      const r = parseManifestsText(f.text, f.name, { skipNonObjects: options.folder === true });
      pushAll(loaded, r.objects);
      pushAll(errors, r.errors);
      for (const s of r.skipped) warnings.push(formatManifestError(s));
    }
    // Any error leaves the open design untouched: the user fixes the file and tries again.
    if (errors.length > 0) return { kind: 'error', error: errors[0]! };
    return { kind: 'manifests', design: importAsDesign(loaded, name), warnings, count: loaded.length };
  },
  /** Frames go to `onFrames` (a comlink.proxy from the page) in order; each batch is awaited. */
  async runSimulation(request: SimulationRequest, onFrames: FramesSink): Promise<Result<SimulationSummary>> {
    try {
      return await simulations.run(request, onFrames);
    } finally {
      // Close the page's end of the callback's channel now rather than when the page collects it.
      (onFrames as Partial<Record<typeof releaseProxy, () => void>>)[releaseProxy]?.();
    }
  },
  cancelSimulation(runId: string): boolean {
    return simulations.cancel(runId);
  },
  /** A live action on a run this worker ran to its end (see ./simulation.ts). */
  actSimulation(runId: string, action: LiveAction): Result<LiveActionResult> {
    return simulations.act(runId, action);
  },
  /** A kubectl command on a run this worker ran to its end (the console). */
  kubectlSimulation(request: KubectlRequest): Result<KubectlResult> {
    return simulations.kubectl(request);
  },
  /** Logs and metrics of a run this worker ran to its end (docs/observability.md). */
  observeSimulation(runId: string, query: ObserveQuery): Result<ObserveResult> {
    const session = simulations.liveSession(runId);
    if (!session) return { ok: false, error: { message: `simulation ${runId} is not live any more (cancelled, replaced by a newer run, or it failed); run the simulation again`, code: 'not-live' } };
    try {
      return { ok: true, value: observeAnswer(session, query) };
    } catch (err) {
      return { ok: false, error: { message: `the observation failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, code: 'simulation' } };
    }
  },
  /** The design's flows traced over its steady state, with the connectivity matrix (docs/traffic.md). */
  traceTraffic(design: Design): Result<TrafficReport> {
    try {
      return { ok: true, value: trafficReport(design.resources.map((r) => r.object), design.cluster, design.flows ?? []) };
    } catch (err) {
      return { ok: false, error: { message: err instanceof Error ? err.message : String(err), code: 'traffic' } };
    }
  },
};

export type WorkerApi = typeof workerApi;

// Only inside a worker: unit tests import this module in Node and call workerApi directly.
if (typeof self !== 'undefined' && typeof window === 'undefined') expose(workerApi);
