/**
 * A steppable simulation: the same cluster, scenario and order as `simulate()`, advanced one
 * event at a time (the initial apply, one scenario action, or one simulated second of timers),
 * each event recorded as a frame of changed view records. `snapshotAt(t)` rebuilds the view at
 * any earlier point from the keyframes (see keyframes.ts). Main's worker, the browser's worker,
 * `simulate`, `connectivity` and `explain` all run this one engine.
 */
import type { SchedulingRecorder } from '../scheduling/recorder';
import type { KubeObject } from '../../model/object';
import type { Cluster, Controller } from '../cluster';
import { clusterProblems, formatSeconds, SimulationLimitError, type SimulationStop } from '../limits';
import { filesReader } from '../kubectl/files';
import { mutates, runKubectl } from '../kubectl/run';
import type { KubectlOutput, LogWindow } from '../kubectl/types';
import { Simulation } from '../simulate';
import { eventKey, type WatchEvent } from '../store';
import type { AppliedEntry, ScenarioStep, SimulationInput, SimulationResult } from '../types';
import { KeyframeIndex, toView, type ClusterView, type FrameCause, type SessionFrame } from './keyframes';
import { recordKey, sameRecord, toRecord, VIEW_KINDS, type ViewRecord } from './records';
import { Observation, ObservationRecorder } from '../observe';
import { metricsApiAnswer, METRICS_GROUP } from '../observe/metricsApi';
import { DEFAULT_USER } from '../rbac';

export interface SessionOptions {
  /** A keyframe at least every this many frames (sooner when many records change). Default 64. */
  keyframeEvery?: number;
  /** Keep the scheduler's attempts (plugin verdicts per node) for "why not this node" (scheduling/recorder.ts). */
  recorder?: SchedulingRecorder;
}

export const DEFAULT_KEYFRAME_EVERY = 64;

/** Collects the keys of view objects that changed (an informer that never queues work). */
class ViewWatcher implements Controller {
  readonly name = 'session';
  readonly component = 'controller-manager' as const;
  readonly changed = new Set<string>();

  handle(ev: WatchEvent): void {
    if (VIEW_KINDS.has(ev.object.kind)) this.changed.add(eventKey(ev));
  }

  sync(): void {}
}

type Phase =
  | { kind: 'actions' }
  | { kind: 'wait'; until: number }
  | { kind: 'steady'; limit: number }
  | { kind: 'final'; limit: number }
  | { kind: 'done' };

export class SimulationSession {
  readonly simulation: Simulation;
  readonly stepErrors: { step: number; line?: number; message: string }[] = [];
  private readonly cluster: Cluster;
  private readonly watcher = new ViewWatcher();
  private readonly current = new Map<string, ViewRecord>();
  private readonly index: KeyframeIndex;
  private readonly steps: ScenarioStep[];
  private applyPending: boolean;
  /** The design's flows start right after the initial apply (Simulation.startDesignFlows). */
  private flowsPending: boolean;
  private nextStep = 0;
  private phase: Phase = { kind: 'actions' };
  private steady = false;
  /** Set when the run reached a simulator limit; what `simulate()` reports as `stopped`. */
  stopped: SimulationStop | undefined;
  /** What the run was doing, for a limit's message: `the inputs`, `scenario step 3 (line 9)`… */
  private at = 'the inputs';
  /** Steps sent while the run is live (`act`), run after the scenario's own, one at a time. */
  private readonly liveSteps: ScenarioStep[] = [];
  /** What the last apply applied: the inputs, or the objects of the last live `apply` (edit & re-apply). */
  private lastApplied: KubeObject[];
  /** Per event index, its count and lastTime when last sent, so a frame carries only real changes. */
  private readonly sentEvents: { count: number; lastTime: number; message: string }[] = [];
  /** What happens to each container, for logs and metrics (shared/simulation/observe, docs/observability.md). */
  readonly recorder: ObservationRecorder;
  private observed: { revision: number; now: number; observation: Observation } | undefined;

  constructor(
    private readonly input: SimulationInput,
    options: SessionOptions = {},
  ) {
    const problems = clusterProblems(input.cluster);
    if (problems.length) throw new Error(problems.join('; '));
    // The session's frames replace the per-tick state and timeline; record them only when asked.
    this.simulation = new Simulation({ ...input, options: { record: false, ...input.options } }, options.recorder);
    this.cluster = this.simulation.cluster;
    this.cluster.register(this.watcher);
    this.recorder = new ObservationRecorder(this.cluster);
    this.cluster.register(this.recorder);
    // metrics-server, behind the API server's aggregation layer: `kubectl top` reads through it.
    this.cluster.api.serveAggregated(METRICS_GROUP, (req) => metricsApiAnswer(this.observation(), req));
    this.index = new KeyframeIndex(Math.max(1, options.keyframeEvery ?? DEFAULT_KEYFRAME_EVERY));
    this.steps = input.scenario?.steps ?? [];
    this.applyPending = !input.scenario || input.scenario.applyInputs !== false;
    this.flowsPending = (input.flows?.length ?? 0) > 0;
    this.lastApplied = input.objects;
    for (const kind of VIEW_KINDS) for (const o of this.cluster.store.list(kind)) this.setRecord(o);
    this.emit({ type: 'boot' }, [...this.current.values()], []);
  }

  get now(): number {
    return this.cluster.now;
  }

  get done(): boolean {
    return this.phase.kind === 'done';
  }

  get frames(): readonly SessionFrame[] {
    return this.index.frames;
  }

  get keyframeCount(): number {
    return this.index.keyframeCount;
  }

  get keyframeSlots(): number {
    return this.index.keyframeSlots;
  }

  /**
   * Run the next event and return its frame: the initial apply, one scenario action, or one
   * simulated second of timers. Undefined when the next event would be later than `limit`, or
   * once the cluster is steady after the last step (then `done`).
   */
  step(limit = Infinity): SessionFrame | undefined {
    if (this.phase.kind === 'done') return undefined;
    try {
      return this.next(limit);
    } catch (err) {
      if (!(err instanceof SimulationLimitError)) throw err;
      // As simulate(): what happened up to the limit stays; the run ends here.
      this.simulation.tick();
      this.stopped = { limit: err.limit, object: err.object, time: this.cluster.now, message: `${this.at}: ${err.message}` };
      this.phase = { kind: 'done' };
      return this.frame({ type: 'stopped', message: this.stopped.message });
    }
  }

  private next(limit: number): SessionFrame | undefined {
    const c = this.cluster;
    const sim = this.simulation;
    for (;;) {
      const phase = this.phase;
      if (phase.kind === 'done') return undefined;
      if (phase.kind === 'actions') {
        if (c.now > limit) return undefined;
        if (this.applyPending) {
          this.applyPending = false;
          sim.apply(this.input.objects);
          if (this.flowsPending) {
            this.flowsPending = false;
            sim.startDesignFlows();
          }
          return this.frame({ type: 'apply' });
        }
        if (this.flowsPending) {
          this.flowsPending = false;
          sim.startDesignFlows();
        }
        if (this.nextStep >= this.steps.length + this.liveSteps.length) {
          this.at = 'the run to steady state';
          this.enterWait({ kind: 'final', limit: 0 });
          continue;
        }
        const i = this.nextStep++;
        const step = i < this.steps.length ? this.steps[i] : this.liveSteps[i - this.steps.length];
        sim.step = i + 1;
        this.at = `scenario step ${i + 1}${step.line ? ` (line ${step.line})` : ''}`;
        if (step.action === 'wait') {
          this.enterWait(step.steady ? { kind: 'steady', limit: 0 } : { kind: 'wait', until: c.now + (step.seconds ?? 0) });
          continue;
        }
        const live = i >= this.steps.length;
        // `applyAgain` applies what was applied last: the inputs, or the design of the last re-apply.
        const error = sim.run(live && step.action === 'applyAgain' ? { action: 'apply', objects: this.lastApplied } : step);
        if (step.action === 'apply' && live) this.lastApplied = step.objects;
        if (error) this.stepErrors.push({ step: i + 1, ...(step.line ? { line: step.line } : {}), message: error });
        const target = live ? stepTarget(step) : undefined;
        return this.frame({ type: 'step', step: i + 1, action: step.action, ...(target ? { target } : {}), ...(error ? { error } : {}) });
      }
      // Waiting: the same loop as Cluster.runUntil / runToSteady, one second of timers per call.
      const settled = phase.kind !== 'wait' && c.timers.pendingProgress === 0 && !c.hasQueuedWork();
      const end = phase.kind === 'wait' ? phase.until : phase.limit;
      const next = c.timers.peek();
      if (settled || !next || next.time > end) {
        if (phase.kind === 'wait') {
          // The wait ends at its last second, where the next action runs.
          if (phase.until > limit) return undefined;
          c.now = Math.max(c.now, phase.until);
        }
        if (phase.kind === 'final') {
          this.steady = settled;
          this.phase = { kind: 'done' };
        } else this.phase = { kind: 'actions' };
        continue;
      }
      if (next.time > limit) return undefined;
      c.now = next.time;
      c.fireDue();
      c.drain();
      // The frame first: without recording, tick() forgets which events were touched.
      const frame = this.frame({ type: 'tick' });
      sim.tick();
      return frame;
    }
  }

  /** Run every event at or before time `t` (including scenario actions at `t`); returns their frames. */
  runUntil(t: number): SessionFrame[] {
    const out: SessionFrame[] = [];
    for (let f = this.step(t); f; f = this.step(t)) out.push(f);
    return out;
  }

  /** Run to the end: the last scenario step, then to steady state (or the steady-state timeout). */
  runToEnd(): SessionFrame[] {
    return this.runUntil(Infinity);
  }

  /**
   * A live action on a run that reached its end: run `step` as one more scenario step (numbered
   * after the scenario's own), then run to steady state again. Returns the new frames, which
   * continue the timeline (the first one's cause names the action), the objects an apply step
   * applied (`created`, `configured`, `unchanged` as kubectl prints them), and the step's error
   * line (kubectl's message) when it could not run. Throws when the run has not ended or stopped at
   * a simulator limit.
   */
  act(step: ScenarioStep): LiveActionResult {
    if (this.stopped) throw new Error(`the run stopped (${this.stopped.message}); run it again to act on it`);
    if (this.phase.kind !== 'done') throw new Error('the run has not reached its end yet');
    const appliedBefore = this.simulation.applied.length;
    const errorsBefore = this.stepErrors.length;
    // A live action is the person at the canvas's (the admin unless it names its user), never the scenario's user.
    this.liveSteps.push(step.user ? step : { ...step, user: DEFAULT_USER.name });
    this.phase = { kind: 'actions' };
    const frames = this.runToEnd();
    const applied = this.simulation.applied.slice(appliedBefore);
    const error = this.stepErrors.slice(errorsBefore)[0]?.message;
    return { frames, applied, ...(error ? { error } : {}), ...(this.stopped ? { stopped: (this.stopped as SimulationStop).message } : {}) };
  }

  /**
   * A kubectl command on the live cluster (the console, docs/kubectl.md). A read runs at once and
   * adds no frame; a command that may change the cluster runs as a live action (`act`), so its
   * frames continue the timeline like any other. `context` is the kubeconfig context (user).
   */
  kubectl(argv: string[], options: { context: string; files?: Record<string, string>; stdin?: string; logWindow?: LogWindow }): KubectlSessionResult {
    if (!mutates(argv)) {
      const output = runKubectl({ cluster: this.cluster, users: this.input.cluster?.users ?? [], context: options.context, files: filesReader(options.files ?? {}), observation: () => this.observation(), ...(options.stdin !== undefined ? { stdin: options.stdin } : {}), ...(options.logWindow ? { logWindow: options.logWindow } : {}) }, argv);
      return { output, frames: [] };
    }
    this.simulation.lastKubectl = undefined;
    const r = this.act({ action: 'kubectl', argv, context: options.context, ...(options.files ? { files: options.files } : {}), ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
    const output = this.simulation.lastKubectl ?? { stdout: '', stderr: r.stopped ? `${r.stopped}\n` : '', exitCode: 1, context: options.context };
    return { output, frames: r.frames, ...(r.stopped ? { stopped: r.stopped } : {}) };
  }

  /** The view now, at the head of the timeline. */
  view(): ClusterView {
    const last = this.index.frames.length - 1;
    return toView(last, this.cluster.now, this.current.values());
  }

  /** The view after every event at or before time `t` (the boot state when `t` is before them all). */
  snapshotAt(t: number): ClusterView {
    return this.index.viewAt(Math.max(0, this.index.frameAt(t)));
  }

  /** The view right after frame `seq` (for stepping back one event). */
  snapshotAtFrame(seq: number): ClusterView {
    return this.index.viewAt(seq);
  }

  /**
   * Logs and metrics of the run so far (docs/observability.md): the recorder's lifecycles with the
   * traffic the run sent (the design's flows, `input.flows`, and the scenario's), second by second.
   * Cached until the run moves on.
   */
  observation(): Observation {
    const o = this.observed;
    if (o && o.revision === this.recorder.revision && o.now === this.cluster.now) return o.observation;
    const nodes = this.view().nodes.map((n) => ({ name: n.name, cpu: n.cpu, memory: n.memory }));
    const observation = new Observation({ recorder: this.recorder, now: this.cluster.now, nodes, aggregates: this.simulation.traffic.aggregates, flowTargets: this.simulation.traffic.targets, trafficActive: this.simulation.traffic.active > 0, upcoming: this.simulation.traffic.active > 0 ? this.simulation.traffic.upcoming().aggregates : [] });
    this.observed = { revision: this.recorder.revision, now: this.cluster.now, observation };
    return observation;
  }

  /** The summaries `simulate()` returns; equal to its result once the session has run to the end. */
  result(): SimulationResult {
    return this.simulation.result(this.steady);
  }

  /** Start a wait as Cluster.runUntil / runToSteady start: the time limit first, then drain and tick. */
  private enterWait(phase: Phase): void {
    const c = this.cluster;
    const max = c.options.limits.simulatedSeconds;
    if (phase.kind === 'wait' && !(phase.until <= max)) {
      throw new SimulationLimitError('simulatedSeconds', 'scenario', `waiting until t=${Number.isFinite(phase.until) ? formatSeconds(Math.ceil(phase.until)) : String(phase.until)} goes past the ${formatSeconds(max)} of simulated time one run may cover; stopped at t=${c.now}s`);
    }
    c.drain();
    this.simulation.tick();
    if (phase.kind === 'steady' || phase.kind === 'final') phase.limit = Math.min(c.now + c.options.steadyTimeoutSeconds, max);
    this.phase = phase;
  }


  private setRecord(o: KubeObject): void {
    const r = toRecord(this.cluster, o);
    this.current.set(recordKey(r), r);
  }

  private frame(cause: FrameCause): SessionFrame {
    const set: ViewRecord[] = [];
    const removed: string[] = [];
    const store = this.cluster.store;
    for (const key of this.watcher.changed) {
      const o = store.get(key);
      const old = this.current.get(key);
      if (!o) {
        if (old) {
          this.current.delete(key);
          removed.push(key);
        }
        continue;
      }
      const r = toRecord(this.cluster, o);
      if (old && sameRecord(old, r)) continue;
      this.current.set(key, r);
      set.push(r);
    }
    this.watcher.changed.clear();
    return this.emit(cause, set, removed);
  }

  private emit(cause: FrameCause, set: ViewRecord[], removed: string[]): SessionFrame {
    const c = this.cluster;
    const events: SessionFrame['events'] = [];
    for (const i of [...c.touchedEvents].sort((a, b) => a - b)) {
      const e = c.events[i];
      const sent = this.sentEvents[i];
      if (sent && sent.count === e.count && sent.lastTime === e.lastTime && sent.message === e.message) continue;
      this.sentEvents[i] = { count: e.count, lastTime: e.lastTime, message: e.message };
      events.push({ ...e, index: i });
    }
    const frame: SessionFrame = { seq: this.index.frames.length, time: c.now, cause, set, removed, events };
    this.index.push(frame, () => this.current.values(), this.current.size);
    return frame;
  }
}

/** What a console command did: kubectl's output and, when it changed the cluster, its frames. */
export interface KubectlSessionResult {
  output: KubectlOutput;
  frames: SessionFrame[];
  stopped?: string;
}

/** What a live action did: its frames, its apply results, and the step's error when it could not run. */
export interface LiveActionResult {
  frames: SessionFrame[];
  applied: AppliedEntry[];
  error?: string;
  /** Set when the action ran the cluster into a simulator limit (the run then ends there). */
  stopped?: string;
}

/** What a live step acts on, for the timeline: `Deployment/shop/web`, `Node/node-2`, `Pod/shop/web-1`. */
export function stepTarget(step: ScenarioStep): string | undefined {
  switch (step.action) {
    case 'scale':
    case 'setImage':
    case 'rollback':
    case 'delete':
    case 'setLoad':
      return `${step.kind}/${step.namespace}/${step.name}`;
    case 'deletePod':
    case 'crash':
      if (step.name) return `Pod/${step.namespace}/${step.name}`;
      // `owner` is a top owner as pods report it, `Deployment/web`.
      return step.owner ? `${step.owner.split('/')[0]}/${step.namespace}/${step.owner.split('/').slice(1).join('/')}` : undefined;
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return `Node/${step.node}`;
    case 'addNode':
      return `Node/${step.node.name}`;
    default:
      return undefined;
  }
}
