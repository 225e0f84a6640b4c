/**
 * zod schemas for every request payload and result of the IPC contract. Main validates each
 * payload before a handler runs; tests check the results against the same schemas.
 * Objects are checked for the shape the app relies on and otherwise passed through untouched
 * (unknown Kubernetes fields must survive the boundary).
 */
import { z } from 'zod';
import type { Design } from '../design/types';
import { INVOKE, SEND } from './channels';
import { sessionFrameSchema } from './session';
import { MAX_LESSON_BYTES } from '../lessons/parse';
import { appliedEntrySchema, simulationResultSchema, timelineFrameSchema } from './simulation';
import { trafficReportSchema } from './traffic';
import { observeRequestSchema, observeResultSchema } from './observe';

export const kubeObjectSchema = z.looseObject({
  apiVersion: z.string().min(1),
  kind: z.string().min(1),
  metadata: z.looseObject({ name: z.string(), namespace: z.string().optional() }),
});

const point = z.object({ x: z.number(), y: z.number() });
const box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

const clusterNode = z.looseObject({
  name: z.string().min(1),
  cpu: z.string(),
  memory: z.string(),
  pods: z.number().int().nonnegative(),
  zone: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  taints: z.array(z.object({ key: z.string(), value: z.string().optional(), effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']) })).optional(),
  unschedulable: z.boolean().optional(),
});

const designShape = z.looseObject({
  formatVersion: z.number().int().positive(),
  name: z.string(),
  resources: z.array(z.looseObject({ id: z.string().min(1), object: kubeObjectSchema })),
  layout: z.looseObject({ positions: z.record(z.string(), point), frames: z.record(z.string(), box) }),
  cluster: z.looseObject({ nodes: z.array(clusterNode) }),
});

/** The shape above, typed as the Design it lets through untouched (deeper fields are shared/design's to check). */
export const designSchema = designShape.transform((design) => design as unknown as Design);

/** A scenario already parsed (shared/simulation/scenario): every step's shape checked, so a hostile page gets a message naming the field, not a JavaScript error from inside the simulator. */
const target = { kind: z.string().min(1), namespace: z.string(), name: z.string().min(1) };
const line = { line: z.number().int().optional(), user: z.string().min(1).max(253).optional() };
const scenarioStep = z.discriminatedUnion('action', [
  z.object({ action: z.literal('apply'), objects: z.array(kubeObjectSchema), files: z.array(z.string()).optional(), ...line }),
  z.object({ action: z.literal('applyAgain'), ...line }),
  z.object({ action: z.literal('wait'), seconds: z.number().nonnegative().optional(), steady: z.boolean().optional(), ...line }),
  z.object({ action: z.literal('scale'), ...target, replicas: z.number().int().nonnegative(), ...line }),
  z.object({ action: z.literal('setImage'), ...target, container: z.string().optional(), image: z.string().min(1), ...line }),
  z.object({ action: z.literal('rollback'), ...target, toRevision: z.number().int().optional(), ...line }),
  z.object({ action: z.literal('deletePod'), namespace: z.string(), name: z.string().optional(), owner: z.string().optional(), ...line }),
  z.object({ action: z.literal('crash'), namespace: z.string(), name: z.string().optional(), owner: z.string().optional(), container: z.string().optional(), ...line }),
  z.object({ action: z.literal('delete'), ...target, ...line }),
  z.object({ action: z.enum(['cordon', 'uncordon', 'drain']), node: z.string().min(1), ...line }),
  z.object({ action: z.literal('addNode'), node: clusterNode, ...line }),
  z.object({ action: z.literal('setLoad'), ...target, cpu: z.string().min(1), ...line }),
  z.object({
    action: z.literal('startTraffic'),
    flow: z.object({ name: z.string().min(1), from: z.string().min(1), to: z.string().min(1), rate: z.number().int().nonnegative(), protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional() }),
    ...line,
  }),
  z.object({ action: z.literal('stopTraffic'), name: z.string().min(1), ...line }),
  // A kubectl command as a context's user (docs/kubectl.md); files for -f come only through simulation:kubectl.
  z.object({ action: z.literal('kubectl'), argv: z.array(z.string().max(100_000)).min(1).max(1000), context: z.string().min(1).max(253).optional(), ...line }),
]);
export const scenarioSchema = z.object({ name: z.string().optional(), user: z.string().min(1).max(253).optional(), applyInputs: z.boolean().optional(), steps: z.array(scenarioStep) });

/** A scenario's YAML text (the worker parses and checks it) or a parsed scenario, checked here with its issues' field paths kept. */
const scenarioRequest = z.unknown().superRefine((v, ctx) => {
  if (v === undefined || typeof v === 'string') return;
  const checked = scenarioSchema.safeParse(v);
  if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as (string | number)[] });
});

/** A filesystem path from the renderer: absolute-or-relative text, no NUL bytes, bounded. */
const path = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'path contains a NUL byte');

export const apiErrorSchema = z.object({
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  code: z.string().optional(),
});

/** The Result envelope: `{ ok: true, value }` or `{ ok: false, error }`, never a thrown error. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: apiErrorSchema })]);
}

export const openedDesignSchema = z.object({ design: designSchema, path: z.string().optional(), warnings: z.array(z.string()) });
export const backupSnapshotSchema = z.object({ design: designSchema, path: path.optional() });
export const takenBackupSchema = z.object({ design: designSchema, path: z.string().optional(), savedAt: z.string() });
export const exportOptionsSchema = z.object({ mode: z.enum(['file', 'folder']), ids: z.array(z.string()).optional() });
export const exampleInfoSchema = z.object({ id: z.string(), title: z.string(), description: z.string() });
export const recentFileSchema = z.object({ path: z.string(), name: z.string(), openedAt: z.string() });

export const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  objectKey: z.string(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  path: z.string(),
  message: z.string(),
  hint: z.string().optional(),
});

const runId = z.string().min(1).max(100);

export const simulationRequestSchema = z.strictObject({
  runId,
  design: designSchema,
  /** A parsed scenario object or the scenario file's YAML text. */
  scenario: scenarioRequest.optional(),
  seed: z.number().int().optional(),
});
/**
 * A batch of consecutive timeline frames (`frames[i]` is frame number `start + i`) and of the
 * session's frames (`session.frames[i]` is session frame `session.start + i`, see ./session.ts).
 */
export const simulationFramesSchema = z.object({
  runId,
  start: z.number().int().nonnegative(),
  frames: z.array(timelineFrameSchema),
  session: z.object({ start: z.number().int().nonnegative(), frames: z.array(sessionFrameSchema) }).optional(),
});
export const simulationSummarySchema = z.object({ runId, frameCount: z.number().int().nonnegative(), result: simulationResultSchema });

/**
 * A live action on a run that reached its end (shared/simulation/session/live.ts): one scenario
 * step (docs/scenarios.md), or `reapply` with the design as it is now (edit & re-apply).
 */
export const liveActionSchema = z.union([scenarioStep, z.strictObject({ action: z.literal('reapply'), design: designSchema })]);
export const liveActionRequestSchema = z.strictObject({ runId, action: liveActionSchema });
/** The frames the action added (they continue the run's session frames), `kubectl apply`'s lines, and the step's error. */
export const liveActionResultSchema = z.object({
  runId,
  frames: z.array(sessionFrameSchema),
  applied: z.array(appliedEntrySchema),
  error: z.string().optional(),
  stopped: z.string().optional(),
});

/**
 * A kubectl command on a run that reached its end (the console, docs/kubectl.md): `argv` without
 * `kubectl`, the kubeconfig `context` (user) it runs as, the files `-f` may name (path → YAML
 * text: the open design's manifests), and what `-f -` reads.
 */
export const kubectlRequestSchema = z.strictObject({
  runId,
  argv: z.array(z.string().max(100_000)).max(1000),
  context: z.string().min(1).max(253),
  files: z.record(z.string().max(1000), z.string().max(32 * 1024 * 1024)).optional(),
  stdin: z.string().max(32 * 1024 * 1024).optional(),
  /** `logs -f` in the console: the simulated time the pods are looked up at, the last read's time, and the time to read up to. */
  logWindow: z.strictObject({ start: z.number().finite().min(0).optional(), after: z.number().finite().min(0).optional(), until: z.number().finite().min(0).optional(), pods: z.array(z.string().max(253)).max(10_000).optional() }).optional(),
});
/** kubectl's output and exit code, the context after it (`config use-context`), and the frames a change added. */
export const kubectlResultSchema = z.object({
  runId,
  stdout: z.string(),
  stderr: z.string(),
  exitCode: z.number().int(),
  context: z.string(),
  frames: z.array(sessionFrameSchema),
  stopped: z.string().optional(),
  /** `logs -f` with a log window: the stream is still open (read on with a later window). */
  following: z.object({ start: z.number(), until: z.number(), pods: z.array(z.string()) }).optional(),
});

/**
 * A picture of the design to save (shared/design/picture.ts): SVG text, or a PNG as base64 (at
 * most 64 MB of it); `name` is the suggested file name without extension.
 */
export const pictureRequestSchema = z.strictObject({
  format: z.enum(['svg', 'png']),
  name: z.string().max(255),
  data: z.string().max(64 * 1024 * 1024),
});

/** Request and result schema of each invoke channel. */
export const invokeSchemas = {
  [INVOKE.openDesign]: { request: z.strictObject({ path: path.optional() }), result: openedDesignSchema.optional() },
  [INVOKE.saveDesign]: {
    request: z.strictObject({ design: designSchema, path: path.optional(), saveAs: z.boolean().optional() }),
    result: z.string().optional(),
  },
  [INVOKE.validateDesign]: { request: z.strictObject({ design: designSchema }), result: z.array(problemSchema) },
  [INVOKE.importManifests]: {
    request: z.strictObject({ paths: z.array(path).max(10_000).optional(), folder: z.boolean().optional() }),
    result: openedDesignSchema.optional(),
  },
  [INVOKE.exportManifests]: {
    request: z.strictObject({ design: designSchema, ...exportOptionsSchema.shape }),
    result: z.string().optional(),
  },
  [INVOKE.listExamples]: { request: z.strictObject({}), result: z.array(exampleInfoSchema) },
  [INVOKE.openExample]: { request: z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'example ids are lowercase words joined by dashes') }), result: openedDesignSchema },
  [INVOKE.listRecent]: { request: z.strictObject({}), result: z.array(recentFileSchema) },
  [INVOKE.backup]: { request: z.strictObject({ snapshot: backupSnapshotSchema.optional() }), result: z.undefined() },
  [INVOKE.takeBackup]: { request: z.strictObject({}), result: takenBackupSchema.optional() },
  [INVOKE.settleBackup]: { request: z.strictObject({}), result: z.undefined() },
  [INVOKE.runSimulation]: { request: simulationRequestSchema, result: simulationSummarySchema },
  [INVOKE.cancelSimulation]: { request: z.strictObject({ runId }), result: z.boolean() },
  [INVOKE.actSimulation]: { request: liveActionRequestSchema, result: liveActionResultSchema },
  [INVOKE.traceTraffic]: { request: z.strictObject({ design: designSchema }), result: trafficReportSchema },
  [INVOKE.kubectlSimulation]: { request: kubectlRequestSchema, result: kubectlResultSchema },
  [INVOKE.observeSimulation]: { request: observeRequestSchema, result: observeResultSchema },
  [INVOKE.savePicture]: { request: pictureRequestSchema, result: z.string().optional() },
  // A lesson file picked in main's open dialog: its name (for file:line errors) and text (docs/lessons.md).
  [INVOKE.openLesson]: { request: z.strictObject({}), result: z.object({ name: z.string().min(1).max(4096), text: z.string().max(MAX_LESSON_BYTES) }).optional() },
} as const;

export const sendSchemas = {
  [SEND.setDirty]: z.strictObject({ dirty: z.boolean(), title: z.string().max(1000) }),
} as const;

/**
 * Parse a payload for a channel. The error is one line naming the channel and the first few
 * offending fields, e.g. `design:save: design.resources[0].object.kind: expected string, received undefined`.
 */
export function parsePayload<S extends z.ZodType>(channel: string, schema: S, payload: unknown): { ok: true; value: z.output<S> } | { ok: false; message: string } {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path) || '(payload)'}: ${issue.message}`);
  const more = parsed.error.issues.length > 3 ? ` (+${parsed.error.issues.length - 3} more)` : '';
  return { ok: false, message: `${channel}: invalid request — ${issues.join('; ')}${more}` };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
