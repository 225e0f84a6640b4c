/**
 * The worker side of the protocol: answer each request with one result, never throw across the
 * boundary, stream simulation frames as they are produced.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Ops } from './ops';
import { toApiError } from './result';
import type { WorkerMessage, WorkerRequest } from './workerProtocol';

export function serveOps(port: MessagePort, ops: Ops): void {
  port.on('message', (request: WorkerRequest) => {
    void handle(port, ops, request);
  });
}

async function handle(port: MessagePort, ops: Ops, request: WorkerRequest): Promise<void> {
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    const args = request.args as never;
    let value: unknown;
    switch (request.op) {
      case 'simulate':
        value = ops.simulate(args, (start, frames, session) => post({ id: request.id, type: 'frames', start, frames, ...(session ? { session } : {}) }));
        break;
      case 'act':
        value = ops.act(args);
        break;
      case 'kubectl':
        value = ops.kubectl(args);
        break;
      case 'observe':
        value = ops.observe(args);
        break;
      case 'openPath':
      case 'importPaths':
      case 'serialize':
      case 'export':
      case 'validate':
      case 'traceTraffic':
        value = await ops[request.op](args);
        break;
      default:
        throw new Error(`unknown worker operation ${String(request.op)}`);
    }
    post({ id: request.id, type: 'result', result: { ok: true, value } });
  } catch (err) {
    post({ id: request.id, type: 'result', result: { ok: false, error: toApiError(err, fileOf(request.args)) } });
  }
}

function fileOf(args: unknown): string | undefined {
  const path = (args as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : undefined;
}
