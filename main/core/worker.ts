// The heavy-work worker thread (an electron-vite entry): parse, export, import+layout, validate, simulate.
import { parentPort } from 'node:worker_threads';
import { engine } from './engineImpl';
import { createOps } from './ops';
import { serveOps } from './workerServer';

if (!parentPort) throw new Error('main/core/worker.ts runs as a worker thread');
serveOps(parentPort, createOps(engine));
