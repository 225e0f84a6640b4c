/** A binary min-heap of timers ordered by (time, insertion sequence): deterministic ties. */
export interface Timer {
  time: number;
  seq: number;
  /** `progress` timers keep the cluster from steady state; `retry`/`periodic` ones do not. */
  kind: 'progress' | 'retry' | 'periodic';
  run: () => void;
}

export class TimerHeap {
  private readonly items: Timer[] = [];
  private progress = 0;

  get size(): number {
    return this.items.length;
  }

  get pendingProgress(): number {
    return this.progress;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  /** The earliest time of a progress timer (a scan; called only when deciding steady state). */
  nextProgressTime(): number | undefined {
    let t: number | undefined;
    for (const x of this.items) if (x.kind === 'progress' && (t === undefined || x.time < t)) t = x.time;
    return t;
  }

  push(t: Timer): void {
    if (t.kind === 'progress') this.progress++;
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  pop(): Timer | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop() as Timer;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l], a[m])) m = l;
        if (r < a.length && less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    if (top.kind === 'progress') this.progress--;
    return top;
  }
}

function less(a: Timer, b: Timer): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
