/**
 * Load one YAML document and remember where its upper levels start, so structural errors in a
 * design file can name a line ("resources[3].object: … at line 57").
 */
import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';
import { MANIFEST_SCHEMA, MAX_ALIASES, MAX_DEPTH } from '../manifests/limits';

export type PathSegment = string | number;

interface PositionNode {
  offset: number;
  children?: Map<PathSegment, PositionNode>;
}

export interface LocatedDocument {
  /** The documents of the text (empty ones included as null). */
  values: unknown[];
  /** Number of aliases (`*name`) in the text; their targets are shared until expanded. */
  aliases: number;
  /** 1-based line of the deepest recorded node on `path` (of the first document). */
  lineOf(path: readonly PathSegment[]): number;
}

/** Loads the text; throws js-yaml's exception (with `mark`) on malformed YAML. */
export function loadWithPositions(text: string, trackDepth: number): LocatedDocument {
  const events = parseEvents(text, { maxDepth: MAX_DEPTH });
  const values = constructFromEvents(events, { source: text, schema: MANIFEST_SCHEMA, maxAliases: MAX_ALIASES });
  const { root, aliases } = trackPositions(events, text, trackDepth);
  const lineStarts = computeLineStarts(text);
  return {
    values,
    aliases,
    lineOf(path) {
      let node = root;
      for (const seg of path) {
        const next = node.children?.get(seg);
        if (!next) break;
        node = next;
      }
      return lineOfOffset(lineStarts, Math.max(0, node.offset));
    },
  };
}

/**
 * Position tree of the first document, down to `trackDepth` levels below the root, and the number of
 * aliases in the text — one pass over the events; keys below the tracked levels are not decoded.
 */
function trackPositions(events: Event[], text: string, trackDepth: number): { root: PositionNode; aliases: number } {
  const root: PositionNode = { offset: 0 };
  let aliases = 0;
  // Each open container: its position node (undefined when below trackDepth), kind, and child count.
  const stack: { node?: PositionNode; mapping: boolean; count: number; key?: PathSegment }[] = [];
  let documents = 0;
  let skip = 0; // depth inside an untracked container
  let i = 0;
  for (; i < events.length; i++) {
    const ev = events[i]!;
    if (ev.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1) break;
      continue;
    }
    if (ev.type === EVENT_ID.ALIAS) aliases++;
    if (skip > 0) {
      // Inside a container nothing below is recorded for: only follow its nesting.
      if (ev.type === EVENT_ID.POP) skip--;
      else if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) skip++;
      continue;
    }
    if (ev.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const start = ev.type === EVENT_ID.SCALAR ? ev.valueStart : ev.type === EVENT_ID.ALIAS ? ev.anchorStart : ev.start;
    const parent = stack[stack.length - 1];
    let node: PositionNode | undefined;
    if (!parent) {
      root.offset = start;
      node = root;
    } else if (parent.mapping && parent.count % 2 === 0) {
      // A key: remember it for the value that follows.
      parent.key = parent.node && ev.type === EVENT_ID.SCALAR ? getScalarValue(text, ev) : undefined;
      parent.count++;
      if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) skip = 1;
      continue;
    } else {
      const seg = parent.mapping ? parent.key : parent.count;
      parent.count++;
      if (parent.node && seg !== undefined && stack.length <= trackDepth) {
        node = { offset: start };
        (parent.node.children ??= new Map()).set(seg, node);
      }
    }
    if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) {
      if (node) stack.push({ node, mapping: ev.type === EVENT_ID.MAPPING, count: 0 });
      else skip = 1;
    }
  }
  for (; i < events.length; i++) if (events[i]!.type === EVENT_ID.ALIAS) aliases++;
  return { root, aliases };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOfOffset(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
