/** The one connection to the browser worker, started on first use. */
import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from './worker';

let remote: Remote<WorkerApi> | undefined;

export function heavyWork(): Remote<WorkerApi> {
  remote ??= wrap<WorkerApi>(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'kubeplan-worker' }));
  return remote;
}
