/**
 * Sets of (protocol, port) as sorted disjoint port ranges per protocol, and their text form in the
 * connectivity-list format: `All Connections`, `TCP 8050`, `TCP 1-79,81-65535,UDP 53`.
 */
import { PROTOCOLS, type Protocol } from './types';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

type Ranges = readonly (readonly [number, number])[];

export class PortSet {
  private constructor(readonly ranges: Readonly<Record<Protocol, Ranges>>) {}

  static readonly EMPTY = new PortSet({ SCTP: [], TCP: [], UDP: [] });
  static readonly ALL = new PortSet({ SCTP: [[MIN_PORT, MAX_PORT]], TCP: [[MIN_PORT, MAX_PORT]], UDP: [[MIN_PORT, MAX_PORT]] });

  static of(protocol: Protocol, from = MIN_PORT, to = from): PortSet {
    const r = { SCTP: [], TCP: [], UDP: [] } as Record<Protocol, Ranges>;
    r[protocol] = from <= to ? [[from, to]] : [];
    return new PortSet(r);
  }

  static allOf(protocol: Protocol): PortSet {
    return PortSet.of(protocol, MIN_PORT, MAX_PORT);
  }

  isEmpty(): boolean {
    return this === PortSet.EMPTY || PROTOCOLS.every((p) => this.ranges[p].length === 0);
  }

  isAll(): boolean {
    return this === PortSet.ALL || PROTOCOLS.every((p) => this.ranges[p].length === 1 && this.ranges[p][0][0] === MIN_PORT && this.ranges[p][0][1] === MAX_PORT);
  }

  has(protocol: Protocol, port: number): boolean {
    for (const [s, e] of this.ranges[protocol]) if (port >= s && port <= e) return true;
    return false;
  }

  union(other: PortSet): PortSet {
    if (this === PortSet.ALL || other === PortSet.EMPTY) return this;
    if (other === PortSet.ALL || this === PortSet.EMPTY) return other;
    const r = {} as Record<Protocol, Ranges>;
    for (const p of PROTOCOLS) r[p] = unionRanges(this.ranges[p], other.ranges[p]);
    return new PortSet(r);
  }

  intersect(other: PortSet): PortSet {
    if (this === PortSet.ALL || other === PortSet.EMPTY) return other;
    if (other === PortSet.ALL || this === PortSet.EMPTY) return this;
    const r = {} as Record<Protocol, Ranges>;
    for (const p of PROTOCOLS) r[p] = intersectRanges(this.ranges[p], other.ranges[p]);
    return new PortSet(r);
  }

  equals(other: PortSet): boolean {
    return this.toString() === other.toString();
  }

  /** The connectivity-list text: protocols in SCTP, TCP, UDP order, ranges merged. */
  toString(): string {
    if (this.isAll()) return 'All Connections';
    if (this.isEmpty()) return 'No Connections';
    const parts: string[] = [];
    for (const p of PROTOCOLS) {
      const rs = this.ranges[p];
      if (rs.length === 0) continue;
      parts.push(`${p} ${rs.map(([s, e]) => (s === e ? `${s}` : `${s}-${e}`)).join(',')}`);
    }
    return parts.join(',');
  }
}

function unionRanges(a: Ranges, b: Ranges): Ranges {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of all) {
    const last = out[out.length - 1];
    // Adjacent ranges merge too: 1-79 and 80 make 1-80.
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function intersectRanges(a: Ranges, b: Ranges): Ranges {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (s <= e) out.push([s, e]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

export function parseProtocol(value: unknown): Protocol | undefined {
  if (value === undefined || value === null || value === '') return 'TCP';
  return value === 'TCP' || value === 'UDP' || value === 'SCTP' ? value : undefined;
}
