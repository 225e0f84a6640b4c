/**
 * Compare two connectivity lists (netpol-analyzer's `src => dst : conns` text format) by meaning,
 * not text: external address ranges are split at the union of both lists' range boundaries (so
 * `0.0.0.0-255.255.255.255` equals `0.0.0.0-9.255.255.255,10.0.0.0-255.255.255.255`), and a
 * connection set is a set of ports per protocol (`All Connections` = TCP, UDP and SCTP 1-65535;
 * `TCP 80-81` = `TCP 80,81`). Used by `npm run conformance` (scripts/conformance.ts).
 */

export type Proto = 'TCP' | 'UDP' | 'SCTP';
const PROTOS: readonly Proto[] = ['SCTP', 'TCP', 'UDP'];
const MAX_PORT = 65535;

/** A connection set: per protocol, sorted disjoint inclusive port ranges. */
export type ConnSet = Record<Proto, [number, number][]>;

interface Range {
  from: number;
  to: number;
}

/** One side of a line: a named peer (`ns/name[Kind]`, `{ingress-controller}`) or external ranges. */
type Peer = { name: string } | { ranges: Range[] };

export interface ConnLine {
  text: string;
  line: number;
  src: Peer;
  dst: Peer;
  conns: ConnSet;
}

export interface ParsedList {
  lines: ConnLine[];
  /** Lines that are not `src => dst : conns` (reported, never silently dropped). */
  bad: { line: number; text: string }[];
}

export function parseIp(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

export function formatIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function parseRange(s: string): Range | undefined {
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const base = parseIp(s.slice(0, slash));
    const bits = Number(s.slice(slash + 1));
    if (base === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
    const size = 2 ** (32 - bits);
    const from = Math.floor(base / size) * size;
    return { from, to: from + size - 1 };
  }
  const dash = s.indexOf('-');
  const from = parseIp(dash < 0 ? s : s.slice(0, dash));
  const to = parseIp(dash < 0 ? s : s.slice(dash + 1));
  if (from === undefined || to === undefined || to < from) return undefined;
  return { from, to };
}

function parsePeer(s: string): Peer | undefined {
  const t = s.trim();
  const ext = /^(.*)\[External\]$/.exec(t);
  if (ext) {
    const ranges: Range[] = [];
    for (const part of ext[1]!.split(',')) {
      const r = parseRange(part.trim());
      if (!r) return undefined;
      ranges.push(r);
    }
    return { ranges };
  }
  return t ? { name: t } : undefined;
}

function emptyConns(): ConnSet {
  return { SCTP: [], TCP: [], UDP: [] };
}

/** `All Connections`, `No Connections`, or `TCP 80,8080-8081,UDP 53` (ports after a protocol belong to it). */
export function parseConns(s: string): ConnSet | undefined {
  const t = s.trim();
  const out = emptyConns();
  if (t === 'All Connections') {
    for (const p of PROTOS) out[p] = [[1, MAX_PORT]];
    return out;
  }
  if (t === 'No Connections') return out;
  let proto: Proto | undefined;
  for (const raw of t.split(',')) {
    let tok = raw.trim();
    const m = /^(TCP|UDP|SCTP)\b\s*(.*)$/.exec(tok);
    if (m) {
      proto = m[1] as Proto;
      tok = m[2]!.trim();
      if (!tok) {
        out[proto].push([1, MAX_PORT]);
        continue;
      }
    }
    if (!proto) return undefined;
    const r = /^(\d+)(?:-(\d+))?$/.exec(tok);
    if (!r) return undefined;
    const from = Number(r[1]);
    const to = r[2] === undefined ? from : Number(r[2]);
    if (from < 1 || to > MAX_PORT || to < from) return undefined;
    out[proto].push([from, to]);
  }
  for (const p of PROTOS) out[p] = mergeRanges(out[p]);
  return out;
}

function mergeRanges(rs: [number, number][]): [number, number][] {
  const sorted = [...rs].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function unionConns(a: ConnSet, b: ConnSet): ConnSet {
  const out = emptyConns();
  for (const p of PROTOS) out[p] = mergeRanges([...a[p], ...b[p]]);
  return out;
}

/** The canonical text of a connection set (`All Connections` when every protocol has every port). */
export function formatConns(c: ConnSet): string {
  if (PROTOS.every((p) => c[p].length === 1 && c[p][0]![0] === 1 && c[p][0]![1] === MAX_PORT)) return 'All Connections';
  const parts: string[] = [];
  for (const p of ['SCTP', 'TCP', 'UDP'] as const) {
    if (c[p].length === 0) continue;
    parts.push(`${p} ${c[p].map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`);
  }
  return parts.length ? parts.join(',') : 'No Connections';
}

export function parseConnList(text: string): ParsedList {
  const out: ParsedList = { lines: [], bad: [] };
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (!t) return;
    const arrow = t.indexOf(' => ');
    const colon = t.lastIndexOf(' : ');
    const src = arrow > 0 ? parsePeer(t.slice(0, arrow)) : undefined;
    const dst = arrow > 0 && colon > arrow ? parsePeer(t.slice(arrow + 4, colon)) : undefined;
    const conns = colon > 0 ? parseConns(t.slice(colon + 3)) : undefined;
    if (!src || !dst || !conns) out.bad.push({ line: i + 1, text: t });
    else out.lines.push({ text: t, line: i + 1, src, dst, conns });
  });
  return out;
}

/** Sorted unique boundaries: every range start, and every range end + 1. */
function boundaries(lists: readonly ParsedList[]): number[] {
  const set = new Set<number>();
  for (const l of lists) {
    for (const c of l.lines) {
      for (const p of [c.src, c.dst]) {
        if (!('ranges' in p)) continue;
        for (const r of p.ranges) {
          set.add(r.from);
          set.add(r.to + 1);
        }
      }
    }
  }
  return [...set].sort((a, b) => a - b);
}

/** The peer's keys: its name, or one key per atomic piece of its ranges between the boundaries. */
function peerKeys(p: Peer, cuts: readonly number[]): string[] {
  if ('name' in p) return [p.name];
  const keys: string[] = [];
  for (const r of p.ranges) {
    let start = r.from;
    for (const cut of cuts) {
      if (cut <= start) continue;
      if (cut > r.to) break;
      keys.push(`${formatIp(start)}-${formatIp(cut - 1)}[External]`);
      start = cut;
    }
    keys.push(`${formatIp(start)}-${formatIp(r.to)}[External]`);
  }
  return keys;
}

interface PairEntry {
  conns: ConnSet;
  /** The lines that said so. */
  lines: ConnLine[];
}

function relation(list: ParsedList, cuts: readonly number[]): Map<string, PairEntry> {
  const out = new Map<string, PairEntry>();
  for (const c of list.lines) {
    for (const s of peerKeys(c.src, cuts)) {
      for (const d of peerKeys(c.dst, cuts)) {
        const key = `${s} => ${d}`;
        const e = out.get(key);
        if (e) {
          e.conns = unionConns(e.conns, c.conns);
          if (!e.lines.includes(c)) e.lines.push(c);
        } else out.set(key, { conns: c.conns, lines: [c] });
      }
    }
  }
  for (const [k, e] of out) if (formatConns(e.conns) === 'No Connections') out.delete(k);
  return out;
}

export interface Difference {
  /** `src => dst` with external pieces split at the common boundaries. */
  pair: string;
  expected?: string;
  actual?: string;
  /** The original lines behind each side, for the report. */
  expectedLines: string[];
  actualLines: string[];
}

export interface Comparison {
  equal: boolean;
  /** Ordered pairs compared (after splitting external ranges). */
  pairs: number;
  differences: Difference[];
  bad: { side: 'expected' | 'actual'; line: number; text: string }[];
}

/** Compare two connectivity lists by meaning. */
export function compareConnLists(expectedText: string, actualText: string): Comparison {
  const expected = parseConnList(expectedText);
  const actual = parseConnList(actualText);
  const cuts = boundaries([expected, actual]);
  const e = relation(expected, cuts);
  const a = relation(actual, cuts);
  const differences: Difference[] = [];
  const keys = [...new Set([...e.keys(), ...a.keys()])].sort();
  for (const k of keys) {
    const x = e.get(k);
    const y = a.get(k);
    const xs = x ? formatConns(x.conns) : undefined;
    const ys = y ? formatConns(y.conns) : undefined;
    if (xs === ys) continue;
    differences.push({ pair: k, expected: xs, actual: ys, expectedLines: (x?.lines ?? []).map((l) => l.text), actualLines: (y?.lines ?? []).map((l) => l.text) });
  }
  const bad = [...expected.bad.map((b) => ({ side: 'expected' as const, ...b })), ...actual.bad.map((b) => ({ side: 'actual' as const, ...b }))];
  return { equal: differences.length === 0 && bad.length === 0, pairs: keys.length, differences, bad };
}
