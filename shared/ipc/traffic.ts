/**
 * The traffic report crossing IPC (`traffic:trace`): each flow of the design traced over its
 * simulated steady state, and the connectivity matrix (shared/simulation/network/flows.ts).
 */
import { z } from 'zod';

const verdict = z.enum(['delivered', 'denied', 'no-endpoints', 'no-ingress-rule', 'port-not-exposed', 'not-found']);
const hop = z.enum(['ingress', 'service', 'endpoint', 'policy-egress', 'policy-ingress', 'pod']);

export const flowRouteSchema = z.object({
  path: z.array(z.string()).min(1),
  rate: z.number().nonnegative(),
  verdict,
  stop: z.object({ segment: z.number().int().nonnegative(), at: z.number().min(0).max(1) }).optional(),
  hop: hop.optional(),
  reason: z.string(),
  pod: z.string().optional(),
  explain: z.string(),
  rules: z.array(z.string()).optional(),
});

export const flowTraceSchema = z.object({
  id: z.string(),
  name: z.string(),
  rate: z.number(),
  delivered: z.number(),
  dropped: z.number(),
  routes: z.array(flowRouteSchema),
  error: z.string().optional(),
});

export const connectivityMatrixSchema = z.object({
  peers: z.array(z.string()),
  cells: z.array(z.object({ src: z.string(), dst: z.string(), conn: z.string(), explain: z.string() })),
  truncated: z.number().int().optional(),
});

export const trafficReportSchema = z.object({
  flows: z.array(flowTraceSchema),
  matrix: connectivityMatrixSchema,
  /** Workloads with pods the steady state leaves without an IP (Pending): they receive no traffic. */
  waiting: z.array(z.string()),
});

export type TrafficReport = z.infer<typeof trafficReportSchema>;
