/**
 * Frames and keyframes: every frame carries the records that changed; every `every` frames — or
 * sooner, once the changes since the last keyframe reach half the records it holds — a keyframe
 * keeps the whole view (an array of references to the shared, immutable records). A snapshot at
 * any point is then the nearest keyframe before it plus at most one keyframe's worth of changes,
 * so scrubbing back costs about as much as the view is large, whatever the timeline's length.
 */
import { recordKey, type ClaimRecord, type NodeRecord, type PodRecord, type QuotaRecord, type ViewRecord } from './records';
import type { EventRecord } from '../types';

/** What one step of the session did; `tick` is one simulated second of timers. */
export type FrameCause =
  | { type: 'boot' }
  | { type: 'apply' }
  /** A scenario step, or a live action (`act`) numbered after them; `target` names what a live action acted on. */
  | { type: 'step'; step: number; action: string; target?: string; error?: string }
  | { type: 'tick' }
  /** The run reached one of the simulator's limits (shared/simulation/limits.ts) and ends here. */
  | { type: 'stopped'; message: string };

export interface SessionFrame {
  /** Index in the session's frame list. */
  seq: number;
  time: number;
  cause: FrameCause;
  /** Records created or changed by this frame. */
  set: ViewRecord[];
  /** Keys (`Kind/namespace/name`) of records gone. */
  removed: string[];
  /** Events recorded or counted up by this frame, as they stand after it; `index` into the session's event log. */
  events: (EventRecord & { index: number })[];
}

/** The cluster as the view draws it at one point of the timeline; lists sorted by namespace and name. */
export interface ClusterView {
  seq: number;
  time: number;
  pods: PodRecord[];
  nodes: NodeRecord[];
  quotas: QuotaRecord[];
  claims: ClaimRecord[];
}

interface Keyframe {
  seq: number;
  records: ViewRecord[];
}

export class KeyframeIndex {
  readonly frames: SessionFrame[] = [];
  private readonly keyframes: Keyframe[] = [];
  private changesSinceKeyframe = 0;

  constructor(readonly every: number) {}

  /** Add the next frame; `state` is the view after it (read only when a keyframe is due). */
  push(frame: SessionFrame, state: () => Iterable<ViewRecord>, size: number): void {
    this.frames.push(frame);
    this.changesSinceKeyframe += frame.set.length + frame.removed.length;
    const last = this.keyframes.at(-1);
    // Half the view's size: a snapshot then replays at most about as many records as it holds.
    if (!last || frame.seq - last.seq >= this.every || this.changesSinceKeyframe * 2 > Math.max(size, 256)) {
      this.keyframes.push({ seq: frame.seq, records: [...state()] });
      this.changesSinceKeyframe = 0;
    }
  }

  get keyframeCount(): number {
    return this.keyframes.length;
  }

  /** Record references held by keyframes (8 bytes each on a 64-bit heap). */
  get keyframeSlots(): number {
    let n = 0;
    for (const k of this.keyframes) n += k.records.length;
    return n;
  }

  /** The index of the last frame at or before time `t` (-1 when none). */
  frameAt(t: number): number {
    let lo = 0;
    let hi = this.frames.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.frames[mid].time <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** The view right after frame `seq`. */
  viewAt(seq: number): ClusterView {
    const target = Math.min(Math.max(seq, 0), this.frames.length - 1);
    let lo = 0;
    let hi = this.keyframes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.keyframes[mid].seq <= target) lo = mid;
      else hi = mid - 1;
    }
    const key = this.keyframes[lo];
    const state = new Map<string, ViewRecord>();
    for (const r of key.records) state.set(recordKey(r), r);
    for (let i = key.seq + 1; i <= target; i++) {
      const f = this.frames[i];
      for (const k of f.removed) state.delete(k);
      for (const r of f.set) state.set(recordKey(r), r);
    }
    return toView(target, this.frames[target]?.time ?? 0, state.values());
  }
}

const byName = (a: { namespace?: string; name: string }, b: { namespace?: string; name: string }) => {
  const x = a.namespace ?? '';
  const y = b.namespace ?? '';
  return x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
};

export function toView(seq: number, time: number, records: Iterable<ViewRecord>): ClusterView {
  const view: ClusterView = { seq, time, pods: [], nodes: [], quotas: [], claims: [] };
  for (const r of records) {
    if (r.kind === 'Pod') view.pods.push(r);
    else if (r.kind === 'Node') view.nodes.push(r);
    else if (r.kind === 'ResourceQuota') view.quotas.push(r);
    else view.claims.push(r);
  }
  view.pods.sort(byName);
  view.nodes.sort(byName);
  view.quotas.sort(byName);
  view.claims.sort(byName);
  return view;
}
