/**
 * The simulated cluster: clock, store, API server, controllers and their work queues, timers and
 * recorders. Time is simulated in whole seconds; within a second, work queues drain in a fixed
 * controller order, so a run is a pure function of input, scenario and seed.
 */
import type { KubeObject } from '../model/object';
import { ApiServer } from './apiserver';
import { TimerHeap, type Timer } from './heap';
import { formatSeconds, SIMULATION_LIMITS, SimulationLimitError, type SimulationLimits } from './limits';
import { Rng } from './rng';
import { nsOf, Store, type WatchEvent } from './store';
import type { ControlPlaneMessage, EventRecord, SimulationOptions } from './types';

export interface Controller {
  /** Component name in events (`replicaset-controller`) — also the message sender. */
  readonly name: string;
  /** The process it runs in, for the control-plane walkthrough. */
  readonly component: 'controller-manager' | 'scheduler' | 'kubelet';
  handle(ev: WatchEvent): void;
  sync(key: string): void;
}

export type ResolvedOptions = Required<Omit<SimulationOptions, 'limits'>> & { limits: SimulationLimits };

export const DEFAULT_OPTIONS: ResolvedOptions = {
  containerStartSeconds: 1,
  readinessDelaySeconds: 0,
  terminationSeconds: 1,
  jobRunSeconds: 5,
  steadyTimeoutSeconds: 600,
  record: true,
  defaultStorageClass: '',
  limits: SIMULATION_LIMITS,
};

const NO_REQUESTS: ReadonlyMap<string, number> = new Map();

interface Queue {
  controller: Controller;
  keys: Set<string>;
}

export class Cluster {
  now = 0;
  readonly store = new Store();
  readonly api: ApiServer;
  /** Names (generateName suffixes) and uids. */
  readonly rng: Rng;
  /** Scheduler tie-breaks, separate so adding a name elsewhere does not reshuffle placements. */
  readonly tieRng: Rng;
  readonly options: ResolvedOptions;
  readonly timers = new TimerHeap();
  readonly events: EventRecord[] = [];
  /** Events per involved object, then per (source, type, reason): indexes of distinct messages and the combined one. */
  private readonly eventGroups = new Map<string, { entries: number[]; combined?: number }>();
  readonly messages: ControlPlaneMessage[] = [];
  private readonly queues: Queue[] = [];
  private readonly byController = new Map<Controller, Queue>();
  private timerSeq = 0;
  /** Events touched this tick (for the timeline). */
  touchedEvents = new Set<number>();
  /** Pods changed this tick, by key. */
  changedPods = new Map<string, KubeObject | null>();
  /** Scenario-set CPU load per workload key (`Kind/ns/name`), in millicores. */
  readonly load = new Map<string, number>();
  /**
   * Requests each pod (`namespace/name`) is delivered this second by the running traffic flows: the
   * traffic engine (traffic.ts) installs it; the HPA's metrics read it (usage.ts podCpuNow).
   */
  served: () => ReadonlyMap<string, number> = () => NO_REQUESTS;
  /** Work done so far, against shared/simulation/limits.ts. */
  podsCreated = 0;
  timerRuns = 0;
  /** Pods the nodes hold plus the pending allowance; recomputed only when a create reaches it (nodes only join). */
  private podCap = 0;

  constructor(seed: number, options: SimulationOptions = {}) {
    this.rng = new Rng(seed);
    this.tieRng = new Rng(seed ^ 0x5bd1e995);
    this.options = { ...DEFAULT_OPTIONS, ...options, limits: { ...SIMULATION_LIMITS, ...options.limits } };
    this.api = new ApiServer(this);
  }

  register(controller: Controller): void {
    const q = { controller, keys: new Set<string>() };
    this.queues.push(q);
    this.byController.set(controller, q);
  }

  enqueue(controller: Controller, key: string): void {
    this.byController.get(controller)?.keys.add(key);
  }

  /** Deliver a watch event to every controller (informers), then record who was told. */
  dispatch(ev: WatchEvent): void {
    if (this.options.record && ev.object.kind === 'Pod') this.changedPods.set(`${nsOf(ev.object)}/${ev.object.metadata.name}`, ev.type === 'DELETED' ? null : ev.object);
    for (const q of this.queues) q.controller.handle(ev);
  }

  /** The scenario step being played (set by the simulation), stamped on every message. */
  step = 0;

  message(from: string, to: string, action: string, object: string): void {
    if (this.options.record) this.messages.push({ time: this.now, step: this.step, from, to, action, object });
  }

  after(seconds: number, kind: 'progress' | 'retry' | 'periodic', run: () => void): void {
    this.timers.push({ time: this.now + Math.max(0, seconds), seq: this.timerSeq++, kind, run });
  }

  /**
   * Record an event as client-go's recorder does: repeats of the same (object, type, reason,
   * message) count up (kubectl's `(x5 over 2m)`); from the 10th distinct message for one reason
   * of an object within 10 minutes, they are folded into one
   * `(combined from similar events): …` event (tools/record/events_cache.go EventAggregator).
   */
  event(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: string): void {
    const namespace = nsOf(involved) || 'default';
    const object = `${involved.kind}/${involved.metadata.name}`;
    // One map keyed by object and (source, type, reason): the aggregation groups of every object.
    const groupKey = `${namespace}/${object}\n${source}/${type}/${reason}`;
    let group = this.eventGroups.get(groupKey);
    if (!group) this.eventGroups.set(groupKey, (group = { entries: [] }));
    const events = this.events;
    const entries = group.entries;
    // Distinct messages seen in the last 10 minutes, this one included, decide whether it is folded:
    // events_cache.go inserts the key first, then `if uint(record.localKeys.Len()) < e.maxEvents`
    // (10) lets it through, so the 10th distinct message is the first combined one.
    let recent = 1;
    for (let k = 0; k < entries.length; k++) {
      const e = events[entries[k]];
      if (e.message === message) return this.bump(entries[k]);
      if (e.lastTime > this.now - 600) recent++;
    }
    if (recent >= 10) {
      const text = `(combined from similar events): ${message}`;
      if (group.combined !== undefined) {
        this.events[group.combined].message = text;
        return this.bump(group.combined);
      }
      group.combined = this.push(type, reason, namespace, object, text, source);
      return;
    }
    group.entries.push(this.push(type, reason, namespace, object, message, source));
  }

  private bump(i: number): void {
    const e = this.events[i];
    e.count++;
    e.lastTime = this.now;
    this.touchedEvents.add(i);
  }

  // A literal, not `{ ...e, count, … }`: V8 turns spread-plus-new-keys objects into slow dictionaries.
  private push(type: EventRecord['type'], reason: string, namespace: string, object: string, message: string, source: string): number {
    const i = this.events.length;
    if (i >= this.options.limits.events) this.tooManyEvents(namespace, object);
    this.events.push({ type, reason, namespace, object, message, source, count: 1, firstTime: this.now, lastTime: this.now });
    this.touchedEvents.add(i);
    return i;
  }

  /** Out of line, so the hot `push` stays small enough to inline. */
  private tooManyEvents(namespace: string, object: string): never {
    const ref = `${involvedKind(object)}/${namespace}/${object.slice(object.indexOf('/') + 1)}`;
    throw new SimulationLimitError('events', ref, `${ref}: the simulation records at most ${this.options.limits.events.toLocaleString('en-US')} distinct events in one run; stopped at t=${this.now}s`);
  }

  /** Drain every work queue, controller by controller, until nothing is left. */
  drain(): void {
    for (let round = 0; round < 10_000; round++) {
      let any = false;
      for (const q of this.queues) {
        if (q.keys.size === 0) continue;
        any = true;
        // Swap in a fresh set rather than copying: keys enqueued during the syncs go to the next round.
        const keys = q.keys;
        q.keys = new Set();
        for (const k of keys) q.controller.sync(k);
      }
      if (!any) return;
    }
  }

  hasQueuedWork(): boolean {
    return this.queues.some((q) => q.keys.size > 0);
  }

  /**
   * Count a pod about to be created against the limits: pods at once (what the nodes hold plus
   * the pending allowance) and pods over the run. Throws SimulationLimitError naming its owner.
   */
  admitPodCreation(pod: KubeObject): void {
    const live = this.store.count('Pod');
    if (live >= this.podCap) this.podCap = this.podCapacity() + this.options.limits.pendingPodsBeyondCapacity;
    if (live >= this.podCap) {
      const owner = this.topOwnerOf(pod);
      const held = this.podCap - this.options.limits.pendingPodsBeyondCapacity;
      throw new SimulationLimitError('pendingPodsBeyondCapacity', owner, `${owner}: asks for far more pods than the cluster can hold (${held.toLocaleString('en-US')} on ${this.store.count('Node')} nodes); the simulation stops at ${this.podCap.toLocaleString('en-US')} pods (${this.options.limits.pendingPodsBeyondCapacity.toLocaleString('en-US')} pending beyond capacity) at t=${this.now}s`);
    }
    const total = Math.max(this.options.limits.podsCreatedFloor, this.options.limits.podsCreatedPerLivePod * this.podCap);
    if (this.podsCreated >= total) {
      // The owner is looked up only when a limit is reached: this runs for every pod created.
      const owner = this.topOwnerOf(pod);
      throw new SimulationLimitError('podsCreatedFloor', owner, `${owner}: the simulation creates at most ${total.toLocaleString('en-US')} pods in one run for this cluster; stopped at t=${this.now}s`);
    }
    this.podsCreated++;
  }

  /** `Kind/namespace/name` of the object's top controller (a Deployment, not its ReplicaSet), or the object itself. */
  private topOwnerOf(o: KubeObject): string {
    const ns = nsOf(o);
    let kind = o.kind;
    let name = o.metadata.name || o.metadata.generateName || '';
    let refs = o.metadata.ownerReferences;
    for (let depth = 0; depth < 4; depth++) {
      const ref = (refs ?? []).find((r) => r.controller);
      if (!ref) break;
      [kind, name] = [ref.kind, ref.name];
      refs = this.store.getBy(ref.kind, ns, ref.name)?.metadata.ownerReferences;
    }
    return `${kind}/${ns}/${name}`;
  }

  /**
   * The kubelet's way to end a container's main process with an exit code (`kubectl exec -- kill 1`):
   * set by the Kubelet; returns an error line, or null.
   */
  killContainer: ((podKey: string, container: string, exitCode: number) => string | null) | undefined;

  /** Pods the nodes hold together (status.allocatable.pods). */
  private podCapacity(): number {
    let sum = 0;
    for (const n of this.store.list('Node')) sum += Number((n.status as { allocatable?: { pods?: string } } | undefined)?.allocatable?.pods ?? 0) || 0;
    return sum;
  }

  /** Fire every timer due at `now`, counting them against the limit (the session steps with it too). */
  fireDue(): void {
    while (this.timers.peek()?.time === this.now) {
      const t = this.timers.pop() as Timer;
      if (++this.timerRuns > this.options.limits.timerRuns) {
        throw new SimulationLimitError('timerRuns', 'cluster', `the simulation fires at most ${this.options.limits.timerRuns.toLocaleString('en-US')} timers (container starts, retries, periodic syncs, schedules) in one run; stopped at t=${this.now}s`);
      }
      t.run();
    }
  }

  /** Run timers up to and including `until`, draining queues after each second. */
  runUntil(until: number, onTick: () => void): void {
    const max = this.options.limits.simulatedSeconds;
    if (!(until <= max)) {
      throw new SimulationLimitError('simulatedSeconds', 'scenario', `waiting until t=${Number.isFinite(until) ? formatSeconds(Math.ceil(until)) : String(until)} goes past the ${formatSeconds(max)} of simulated time one run may cover; stopped at t=${this.now}s`);
    }
    this.drain();
    onTick();
    for (;;) {
      const t = this.timers.peek();
      if (!t || t.time > until) break;
      this.now = t.time;
      this.fireDue();
      this.drain();
      onTick();
    }
    this.now = Math.max(this.now, until);
  }

  /** Run until no progress timer is pending (only retries and periodic syncs remain). */
  runToSteady(onTick: () => void): boolean {
    this.drain();
    onTick();
    const limit = Math.min(this.now + this.options.steadyTimeoutSeconds, this.options.limits.simulatedSeconds);
    while (this.timers.pendingProgress > 0 || this.hasQueuedWork()) {
      const t = this.timers.peek();
      if (!t || t.time > limit) return false;
      this.now = t.time;
      this.fireDue();
      this.drain();
      onTick();
    }
    return true;
  }
}


function involvedKind(object: string): string {
  return object.slice(0, object.indexOf('/'));
}
