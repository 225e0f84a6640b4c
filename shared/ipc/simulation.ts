/**
 * zod schemas of what a simulation sends across IPC: timeline frames and the summary (the
 * simulator's result without its timeline). They describe shared/simulation/types.ts field by
 * field; test/unit/main/simulationSchemas.test.ts parses real runs with them to keep the two equal.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();
const quantities = z.record(z.string(), z.string());
/** A pod as a frame or tick lists it: [namespace, name, status or phase, node]. */
const podRow = z.tuple([z.string(), z.string(), z.string(), z.string()]);

export const controlPlaneMessageSchema = z.object({
  time: z.number(),
  step: count,
  from: z.string(),
  to: z.string(),
  action: z.string(),
  object: z.string(),
});

export const timelineFrameSchema = z.object({
  time: z.number(),
  messages: z.array(controlPlaneMessageSchema),
  events: z.array(count),
  pods: z.array(podRow),
});

/** One line of `kubectl apply`'s output: the object and `created`, `configured`, `unchanged` (or failed with the server's message). */
export const appliedEntrySchema = z.object({
  step: count,
  time: z.number(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  result: z.enum(['created', 'configured', 'unchanged', 'failed']),
  message: z.string().optional(),
});

const pod = z.object({
  namespace: z.string(),
  name: z.string(),
  owner: z.string(),
  phase: z.string(),
  status: z.string(),
  ready: z.string(),
  restarts: count,
  node: z.string(),
  ip: z.string(),
  age: z.number(),
  lastRestartAge: z.number().optional(),
});

/** An event as `kubectl get events` lists it (shared/simulation/types.ts EventRecord). */
export const eventRecordSchema = z.object({
  type: z.enum(['Normal', 'Warning']),
  reason: z.string(),
  namespace: z.string(),
  object: z.string(),
  message: z.string(),
  source: z.string(),
  count: count,
  firstTime: z.number(),
  lastTime: z.number(),
});

const quota = z.object({ namespace: z.string(), name: z.string(), hard: quantities, used: quantities });

const claim = z.object({ namespace: z.string(), name: z.string(), phase: z.string(), volume: z.string(), capacity: z.string(), storageClass: z.string() });

const volume = z.object({ name: z.string(), phase: z.string(), claim: z.string(), capacity: z.string(), storageClass: z.string() });

const deployment = z.object({
  namespace: z.string(),
  name: z.string(),
  replicas: count,
  ready: count,
  upToDate: count,
  available: count,
  revision: z.string(),
  conditions: z.array(z.object({ type: z.string(), status: z.string(), reason: z.string().optional(), message: z.string().optional() })).optional(),
});

const replicaSet = z.object({
  namespace: z.string(),
  name: z.string(),
  owner: z.string(),
  replicas: count,
  ready: count,
  available: count,
  conditions: z.array(z.object({ type: z.string(), status: z.string(), reason: z.string().optional(), message: z.string().optional() })),
});

const endpoints = z.object({ namespace: z.string(), service: z.string(), endpoints: z.array(z.string()) });

const node = z.object({ name: z.string(), status: z.string(), pods: count, cpuRequests: z.string(), memoryRequests: z.string() });

const traffic = z.object({
  time: z.number(),
  flow: z.string(),
  from: z.string(),
  to: z.string(),
  verdict: z.enum(['delivered', 'denied', 'dropped']),
  reason: z.string(),
  requests: count,
});

const tick = z.object({
  time: z.number(),
  pods: z.array(podRow),
  quotas: z.array(z.object({ namespace: z.string(), name: z.string(), used: quantities })),
  persistentVolumeClaims: z.array(z.tuple([z.string(), z.string(), z.string()])),
  endpoints: z.array(z.object({ namespace: z.string(), service: z.string(), ready: count })),
});

const stepError = z.object({ step: count, line: z.number().int().positive().optional(), message: z.string() });

/** `simulate()`'s result minus `timeline`, which travels as frames. */
export const simulationResultSchema = z.object({
  seed: z.number(),
  endTime: z.number(),
  steady: z.boolean(),
  applied: z.array(appliedEntrySchema),
  pods: z.array(pod),
  events: z.array(eventRecordSchema),
  quotas: z.array(quota),
  persistentVolumeClaims: z.array(claim),
  persistentVolumes: z.array(volume),
  deployments: z.array(deployment),
  replicaSets: z.array(replicaSet).optional(),
  endpoints: z.array(endpoints),
  nodes: z.array(node),
  traffic: z.array(traffic),
  ticks: z.array(tick),
  stepErrors: z.array(stepError),
  crashLoops: z.array(z.object({ namespace: z.string(), pod: z.string(), container: z.string(), restarts: count, backOffSeconds: count, message: z.string() })).optional(),
});
