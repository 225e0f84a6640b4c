/**
 * zod schemas of `simulation:observe` (docs/observability.md): questions about a finished run's
 * logs and metrics and their answers, field by field as shared/simulation/observe gives them.
 * test/unit/simulation/observe/ipc.test.ts keeps the inferred types equal to the engine's.
 */
import { z } from 'zod';
import { kubectlLogs } from '../simulation/observe';
import type { SimulationSession } from '../simulation/session';

const runId = z.string().min(1).max(200);
const name = z.string().min(1).max(253);

export const metricTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pod'), namespace: name, name }),
  z.strictObject({ kind: z.literal('node'), name }),
  z.strictObject({ kind: z.literal('service'), namespace: name, name }),
]);

export const hpaDecisionSchema = z.object({
  time: z.number(),
  namespace: z.string(),
  hpa: z.string(),
  target: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  message: z.string(),
});

export const metricSeriesSchema = z.object({
  target: metricTargetSchema,
  times: z.array(z.number()),
  values: z.record(z.string(), z.array(z.number().nullable())),
  markers: z.array(hpaDecisionSchema),
});

export const logsOptionsSchema = z.strictObject({
  pod: name,
  namespace: name.optional(),
  container: name.optional(),
  previous: z.boolean().optional(),
  tail: z.number().int().optional(),
  timestamps: z.boolean().optional(),
  allContainers: z.boolean().optional(),
  prefix: z.boolean().optional(),
  defaultContainer: z.boolean().optional(),
  time: z.number().nonnegative().optional(),
});

export const kubectlOutputSchema = z.object({ stdout: z.string(), stderr: z.string(), exitCode: z.number().int() });

/** What there is to chart: the pods (with their containers), nodes and Services of the run. */
export const observeTargetsSchema = z.object({
  /** The run's last event; `end` adds the steady tail (the charts' end, the default time of logs). */
  now: z.number(),
  end: z.number(),
  pods: z.array(z.object({ namespace: z.string(), name: z.string(), node: z.string(), owner: z.string(), containers: z.array(z.string()), created: z.number(), deleted: z.number().optional() })),
  nodes: z.array(z.string()),
  services: z.array(z.object({ namespace: z.string(), name: z.string() })),
  hpaDecisions: z.array(hpaDecisionSchema),
});

export const observeQuerySchema = z.discriminatedUnion('query', [
  z.strictObject({ query: z.literal('targets') }),
  z.strictObject({ query: z.literal('series'), target: metricTargetSchema }),
  z.strictObject({ query: z.literal('logs'), options: logsOptionsSchema }),
]);

export const observeRequestSchema = z.strictObject({ runId, query: observeQuerySchema });

export const observeResultSchema = z.discriminatedUnion('query', [
  z.object({ query: z.literal('targets'), targets: observeTargetsSchema }),
  z.object({ query: z.literal('series'), series: metricSeriesSchema }),
  z.object({ query: z.literal('logs'), output: kubectlOutputSchema }),
]);

export type ObserveQuery = z.infer<typeof observeQuerySchema>;
export type ObserveResult = z.infer<typeof observeResultSchema>;
export type ObserveTargets = z.infer<typeof observeTargetsSchema>;

/**
 * The answer to a question about a run's session: both hosts' workers (main's worker thread and
 * the browser's web worker) call this with the live session of the run (LiveSessions.liveSession).
 */
export function observeAnswer(session: SimulationSession, query: ObserveQuery): ObserveResult {
  const obs = session.observation();
  switch (query.query) {
    case 'targets':
      return {
        query: 'targets',
        targets: {
          now: obs.now,
          end: obs.end,
          pods: obs.pods.map((p) => ({ namespace: p.namespace, name: p.name, node: p.node, owner: p.owner, containers: p.containers.map((c) => c.name), created: p.created, ...(p.deletedAt !== undefined ? { deleted: p.deletedAt } : {}) })),
          nodes: obs.nodes.map((n) => n.name),
          services: obs.services.filter((s) => s.deletedAt === undefined).map((s) => ({ namespace: s.namespace, name: s.name })),
          hpaDecisions: [...obs.hpaDecisions],
        },
      };
    case 'series':
      return { query: 'series', series: obs.series(query.target) };
    case 'logs':
      return { query: 'logs', output: kubectlLogs(obs, query.options) };
  }
}
