/**
 * zod schemas of what a simulation session sends across IPC: its frames (the records that changed
 * and the events counted up) and the cluster views `snapshotAt` rebuilds. They describe
 * shared/simulation/session field by field; test/unit/simulation/session/frames.test.ts checks the
 * inferred types equal the engine's and parses real frames with them.
 */
import { z } from 'zod';
import { eventRecordSchema } from './simulation';

const count = z.number().int().nonnegative();
const quantities = z.record(z.string(), z.string());

export const podRecordSchema = z.object({
  kind: z.literal('Pod'),
  namespace: z.string(),
  name: z.string(),
  owner: z.string(),
  controller: z.string().optional(),
  node: z.string(),
  phase: z.string(),
  status: z.string(),
  ip: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  cpu: z.number().nonnegative(),
  memory: z.number().nonnegative(),
});

export const nodeRecordSchema = z.object({
  kind: z.literal('Node'),
  name: z.string(),
  ip: z.string(),
  podCIDR: z.string(),
  cpu: z.number().nonnegative(),
  memory: z.number().nonnegative(),
  pods: count,
  unschedulable: z.boolean(),
  ready: z.boolean(),
  taints: z.array(z.string()),
});

export const quotaRecordSchema = z.object({ kind: z.literal('ResourceQuota'), namespace: z.string(), name: z.string(), hard: quantities, used: quantities });

export const claimRecordSchema = z.object({ kind: z.literal('PersistentVolumeClaim'), namespace: z.string(), name: z.string(), phase: z.string(), volume: z.string(), storageClass: z.string() });

export const viewRecordSchema = z.discriminatedUnion('kind', [podRecordSchema, nodeRecordSchema, quotaRecordSchema, claimRecordSchema]);

const frameCause = z.discriminatedUnion('type', [
  z.object({ type: z.literal('boot') }),
  z.object({ type: z.literal('apply') }),
  z.object({ type: z.literal('step'), step: count, action: z.string(), target: z.string().optional(), error: z.string().optional() }),
  z.object({ type: z.literal('tick') }),
  z.object({ type: z.literal('stopped'), message: z.string() }),
]);

/** An event with its index in the session's event log. */
const sessionEvent = eventRecordSchema.extend({ index: count });

/** One event of a session: what changed, at which simulated second, and why. */
export const sessionFrameSchema = z.object({
  seq: count,
  time: z.number(),
  cause: frameCause,
  set: z.array(viewRecordSchema),
  removed: z.array(z.string()),
  events: z.array(sessionEvent),
});

/** The cluster at one point of the timeline, as `snapshotAt` returns it. */
export const clusterViewSchema = z.object({
  seq: count,
  time: z.number(),
  pods: z.array(podRecordSchema),
  nodes: z.array(nodeRecordSchema),
  quotas: z.array(quotaRecordSchema),
  claims: z.array(claimRecordSchema),
});

export type SessionFrameMessage = z.infer<typeof sessionFrameSchema>;
export type ClusterViewMessage = z.infer<typeof clusterViewSchema>;
