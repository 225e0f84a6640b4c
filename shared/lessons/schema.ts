/**
 * The lesson file format (docs/lessons.md), checked with zod. A lesson names the example it opens
 * and lists its steps; each step has a caption in English and Simplified Chinese, what it
 * highlights, and what the learner must do before Next is enabled (`until`), or nothing.
 */
import { z } from 'zod';

/** The current lesson format; `kubeplan-lesson: 1` at the top of a lesson file. */
export const LESSON_FORMAT_VERSION = 1;

/** Text in both languages the app speaks. */
const text = z.object({ en: z.string().min(1), 'zh-CN': z.string().min(1) }).strict();

const name = z.string().min(1);

/** A card on the canvas, by kind and optionally name and namespace. */
const cardRef = z.object({ kind: name, name: name.optional(), namespace: name.optional() }).strict();

/** Panels a step can point at. */
export const LESSON_PANELS = ['palette', 'inspector', 'dock', 'toolbar', 'canvas', 'lessons'] as const;

/** A value a command argument or an object field is compared with. */
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * The learner runs a command of the registry (`view:fit`, `edit:undo`…) by button, menu or key;
 * `{ id, args }` also asks for its arguments (`{ id: simulate:scale, args: { replicas: 5 } }`):
 * each one given must equal the command's.
 */
const commandCondition = z.object({ command: z.union([name, z.object({ id: name, args: z.record(z.string(), scalar).optional() }).strict()]) }).strict();

/**
 * The design has (at least `count`) cards of a kind, optionally with a name, and optionally with a
 * field set to a value (`field: spec.replicas`, `equals: 5`).
 */
const cardCondition = z
  .object({
    card: cardRef.extend({ count: z.number().int().positive().optional(), field: name.optional(), equals: z.union([z.string(), z.number(), z.boolean()]).optional() }).strict(),
  })
  .strict();

/** A reference (an edge on the canvas) from one card to another. */
const connectedCondition = z.object({ connected: z.object({ from: cardRef, to: cardRef }).strict() }).strict();

/** The simulation is running (or has run) on this design. */
const simulationCondition = z.object({ simulation: z.literal('running') }).strict();

/**
 * At least `count` pods (default 1) with this STATUS (`Running`, `Pending`, `CrashLoopBackOff`…),
 * optionally of one workload (`owner: Deployment/web`) or namespace, or pending for a reason.
 */
const podsCondition = z
  .object({
    pods: z.object({ count: z.number().int().positive().optional(), status: name.optional(), owner: name.optional(), namespace: name.optional(), reason: name.optional() }).strict(),
  })
  .strict();

/**
 * The simulation recorded an event with this reason (optionally of a type, about an object
 * `Kind/name`, with `message` in its text), since the step began (`since: step`, the default: a
 * new event, or an old one counted up again) or at any time of the run (`since: run`).
 */
const eventCondition = z
  .object({
    event: z
      .object({ reason: name, type: z.enum(['Normal', 'Warning']).optional(), object: name.optional(), namespace: name.optional(), message: name.optional(), since: z.enum(['step', 'run']).optional() })
      .strict(),
  })
  .strict();

/** Kinds of the simulated cluster an `object` condition reads (the live view's records). */
export const CLUSTER_OBJECT_KINDS = ['Pod', 'Node', 'ResourceQuota', 'PersistentVolumeClaim'] as const;

/**
 * An object of the simulated cluster is in a state: at least `count` (default 1) of that kind (and
 * name, namespace) with the field (a dotted path of its record: `unschedulable`, `used.pods`,
 * `phase`) equal to the value — `Node node-2 unschedulable: true`, a claim `phase: Bound`.
 */
const objectCondition = z
  .object({
    object: z
      .object({ kind: z.enum(CLUSTER_OBJECT_KINDS), name: name.optional(), namespace: name.optional(), field: name.optional(), equals: scalar.optional(), count: z.number().int().positive().optional() })
      .strict(),
  })
  .strict();

/** `kubectl apply`'s results during the step (Apply again, Re-apply): an object reported created, configured, unchanged or failed. */
const appliedCondition = z
  .object({ applied: z.object({ result: z.enum(['created', 'configured', 'unchanged', 'failed']), kind: name.optional(), name: name.optional(), namespace: name.optional() }).strict() })
  .strict();

/** A traffic flow of the design (by name, or any) has a route with this verdict: `denied` (the red particle), `delivered`… */
const trafficCondition = z.object({ traffic: z.object({ flow: name.optional(), verdict: z.enum(['delivered', 'denied', 'no-endpoints', 'no-ingress-rule', 'port-not-exposed', 'not-found']) }).strict() }).strict();

/**
 * The console ran a kubectl command during the step: its words start with `command` (`get pods`,
 * `logs`, `auth can-i`; a leading `kubectl` is optional), it exited with `exitCode` (default 0:
 * it succeeded; 1 waits for a refusal such as Forbidden), ran as `user`, and printed `output`
 * (a piece of its stdout or stderr).
 */
const kubectlCondition = z
  .object({ kubectl: z.object({ command: name, exitCode: z.number().int().min(0).optional(), user: name.optional(), output: name.optional() }).strict() })
  .strict();

export const conditionSchema = z.union([commandCondition, cardCondition, connectedCondition, simulationCondition, podsCondition, eventCondition, objectCondition, appliedCondition, trafficCondition, kubectlCondition]);

/** The forms a condition takes, as the parser names them in its errors. */
export const CONDITION_FORMS = ['command', 'card', 'connected', 'simulation', 'pods', 'event', 'object', 'applied', 'traffic', 'kubectl'] as const;

export const stepSchema = z
  .object({
    caption: text,
    /** What the learner must do, shown under the caption; by default a line made from `until`. */
    task: text.optional(),
    /**
     * What the step points at: cards (selected and framed above the step card), panels (outlined;
     * the palette and inspector show only when named) and the dock tab brought forward (`events`,
     * `nodes`, `traffic`, `yaml`, `control-plane`…).
     */
    highlight: z.object({ cards: z.array(cardRef).optional(), panels: z.array(z.enum(LESSON_PANELS)).optional(), tab: name.optional() }).strict().optional(),
    /** What must hold before Next is enabled; none: Next just moves on. Several: all of them. */
    until: z.union([conditionSchema, z.array(conditionSchema).min(1)]).optional(),
  })
  .strict();

export const lessonSchema = z
  .object({
    'kubeplan-lesson': z.literal(LESSON_FORMAT_VERSION),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
    title: text,
    summary: text.optional(),
    /** Where the lesson sits in the list (smaller first); lessons without one come last. */
    order: z.number().optional(),
    /** The bundled example it opens (`hello-minikube`, `connected-vehicles`…). */
    example: name,
    steps: z.array(stepSchema).min(1),
  })
  .strict();

export type LessonText = z.infer<typeof text>;
export type CardRef = z.infer<typeof cardRef>;
export type LessonCondition = z.infer<typeof conditionSchema>;
export type LessonStep = z.infer<typeof stepSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type LessonPanel = (typeof LESSON_PANELS)[number];
