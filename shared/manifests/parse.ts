/**
 * Parse Kubernetes YAML or JSON text (multi-document, `kind: List` and typed lists such as
 * `PodList` expanded) into objects that remember their file and line. Bad input yields one-line
 * errors naming file and line; the good documents of the same file still load.
 */
import { constructFromEvents, EVENT_ID, parseEvents, type Event } from 'js-yaml';
import { getKindInfo } from '../kinds/registry';
import { isPlainObject, type KubeObject } from '../model/object';
import { prototypeKeyMessage, prototypeKeyPath, setOwn } from '../model/keys';
import { formatBytes, MANIFEST_SCHEMA, MAX_ALIASES, MAX_DEPTH, MAX_EXPANDED_NODES, MAX_FILE_BYTES } from './limits';
import type { LoadedObject, ManifestError } from './types';

export interface ParseResult {
  objects: LoadedObject[];
  errors: ManifestError[];
  /**
   * With `skipNonObjects`: the documents that are no Kubernetes object at all (a sequence, a scalar,
   * a mapping with neither apiVersion nor kind), each `file:line` with what it is. Without the
   * option they are errors.
   */
  skipped: ManifestError[];
}

export interface ParseOptions {
  /**
   * Put documents that are not Kubernetes objects in `skipped` instead of `errors` (files found
   * inside a folder, which may hold other JSON or YAML: a test's expected results, a config).
   * A document that looks like an object (it has apiVersion or kind) but is broken stays an error.
   */
  skipNonObjects?: boolean;
}

/** Errors reported per file before the rest are summarised, so a broken file cannot flood the output. */
const MAX_ERRORS_PER_FILE = 20;

export function parseManifests(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const out: ParseResult = { objects: [], errors: [], skipped: [] };
  const skip = options.skipNonObjects === true;
  if (text.length > MAX_FILE_BYTES) {
    out.errors.push({ file, message: `file is ${formatBytes(text.length)}, over the ${formatBytes(MAX_FILE_BYTES)} limit for manifests` });
    return out;
  }
  const binary = findBinary(text);
  if (binary) {
    out.errors.push({ file, line: binary.line, message: binary.message });
    return out;
  }
  const whole = parseChunk(text, file, 0, 0, out, skip);
  if (whole.failed) {
    // One broken document must not hide the others: parse document by document to keep the good ones.
    out.objects.length = 0;
    out.errors.length = 0;
    out.skipped.length = 0;
    let index = 0;
    for (const chunk of splitDocuments(text)) {
      index += parseChunk(chunk.text, file, chunk.line, index, out, skip).documents;
    }
  }
  if (out.errors.length > MAX_ERRORS_PER_FILE) {
    const more = out.errors.length - MAX_ERRORS_PER_FILE;
    out.errors.length = MAX_ERRORS_PER_FILE;
    out.errors.push({ file, message: `${more} more error${more === 1 ? '' : 's'} in this file not shown` });
  }
  return out;
}

/**
 * Text that is not text: NUL bytes, checked before parsing so a binary file gives one error. (Invalid
 * UTF-8 is found where bytes are decoded, in main/core/inputs; here U+FFFD is a legitimate character.)
 */
export function findBinary(text: string): { line: number; message: string } | undefined {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { line: lineAt(text, nul), message: 'binary data (NUL byte), not YAML or JSON text' };
  return undefined;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

interface ChunkResult {
  failed: boolean;
  documents: number;
}

function parseChunk(text: string, file: string, lineOffset: number, indexOffset: number, out: ParseResult, skip: boolean): ChunkResult {
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
    values = constructFromEvents(events, { source: text, schema: MANIFEST_SCHEMA, maxAliases: MAX_ALIASES });
  } catch (err) {
    out.errors.push(yamlError(err, file, lineOffset));
    return { failed: true, documents: 1 };
  }
  const docs = scanDocuments(events);
  const lines = new LineCounter(text);
  for (let i = 0; i < values.length; i++) {
    const info = docs[i];
    let value = values[i];
    if (value === null || value === undefined || !info || info.start < 0) continue; // empty document
    const index = indexOffset + i;
    const line = lineOffset + lines.lineAt(info.start);
    if (info.aliases) {
      const expanded = expandAliases(value);
      if (expanded === undefined) {
        out.errors.push({ file, line, message: `document aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes (an alias bomb?)` });
        continue;
      }
      value = expanded;
    }
    if (isListObject(value)) {
      const items = value.items as unknown[];
      const itemStarts = listItemStarts(events, info, text);
      const typed = listItemType(value);
      items.forEach((item, j) => {
        const itemLine = itemStarts?.[j] !== undefined ? lineOffset + lines.lineAt(itemStarts[j]) : line;
        addObject(typed ? withListType(item, typed) : item, file, itemLine, index, out, `item ${j + 1} of the ${String(value.kind)}`);
      });
    } else if (skip && !looksLikeObject(value)) {
      out.skipped.push({ file, line, message: `document is ${isPlainObject(value) ? 'a mapping with neither apiVersion nor kind' : describe(value)}, not a Kubernetes object; skipped` });
    } else {
      addObject(value, file, line, index, out, 'document');
    }
  }
  return { failed: false, documents: values.length };
}

/** `kind: List` (and the typed `<Kind>List`s with `items`), expanded into their items as kubectl does. */
function isListObject(v: unknown): v is Record<string, unknown> & { items: unknown[] } {
  return isPlainObject(v) && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items);
}

/** Whether a document means to be a Kubernetes object: a mapping with an apiVersion or a kind. */
function looksLikeObject(v: unknown): boolean {
  return isPlainObject(v) && (v.apiVersion !== undefined || v.kind !== undefined);
}

/**
 * The apiVersion and kind a typed list's items have: `PodList` holds `v1` Pods, a `DeploymentList`
 * of `apps/v1` holds `apps/v1` Deployments. The API server and `kubectl get -o yaml|json` write the
 * items bare (no apiVersion, no kind): the list's type says what they are. The list's own
 * apiVersion wins; without one, the kind catalogue's. A plain `List` has no item type.
 */
function listItemType(list: Record<string, unknown>): { apiVersion?: string; kind: string } | undefined {
  const kind = String(list.kind).slice(0, -'List'.length);
  if (!kind) return undefined;
  const apiVersion = typeof list.apiVersion === 'string' && list.apiVersion ? list.apiVersion : getKindInfo(kind)?.apiVersion;
  return { apiVersion, kind };
}

/** A typed list's item with the list's apiVersion and kind where it has none (first, as kubectl writes them); other items as they are. */
function withListType(item: unknown, type: { apiVersion?: string; kind: string }): unknown {
  if (!isPlainObject(item) || (item.apiVersion !== undefined && item.kind !== undefined)) return item;
  const o: Record<string, unknown> = {};
  if (item.apiVersion === undefined && type.apiVersion !== undefined) o.apiVersion = type.apiVersion;
  if (item.kind === undefined) o.kind = type.kind;
  for (const k of Object.keys(item)) setOwn(o, k, item[k]);
  return o;
}

function addObject(value: unknown, file: string, line: number, index: number, out: ParseResult, what: string): void {
  const problem = objectProblem(value, what);
  if (problem) out.errors.push({ file, line, message: problem });
  else out.objects.push({ object: value as KubeObject, source: { file, line, index } });
}

/** Why a value is not a Kubernetes object Kubeplan can hold (apiVersion, kind, metadata.name), or undefined. */
export function objectProblem(v: unknown, what: string): string | undefined {
  if (!isPlainObject(v)) return `${what} is ${describe(v)}, not a Kubernetes object (a mapping with apiVersion and kind)`;
  const kind = typeof v.kind === 'string' && v.kind ? v.kind : undefined;
  const name = isPlainObject(v.metadata) && typeof v.metadata.name === 'string' && v.metadata.name ? v.metadata.name : undefined;
  const label = kind ? `${kind}${name ? ` "${name}"` : ''}` : `object${name ? ` "${name}"` : ''}`;
  const reserved = prototypeKeyPath(v);
  if (reserved) return `${label}: ${prototypeKeyMessage(reserved)}`;
  if (typeof v.apiVersion !== 'string' || !v.apiVersion) return `${label} has no apiVersion`;
  if (!kind) return `${label} has no kind`;
  if (!isPlainObject(v.metadata)) return `${label} has no metadata`;
  if (!name) return `${label} has no metadata.name`;
  if (v.metadata.namespace !== undefined && typeof v.metadata.namespace !== 'string') return `${label} has a metadata.namespace that is not a string`;
  return undefined;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a sequence';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number' || typeof v === 'boolean') return `a ${typeof v}`;
  return 'not a mapping';
}

export function yamlError(err: unknown, file: string, lineOffset: number): ManifestError {
  const e = err as { reason?: string; message?: string; mark?: { line: number; column: number } };
  const raw = (e.reason ?? e.message ?? String(err)).split('\n')[0];
  const reason = raw.includes('maxDepth')
    ? `nested more than ${MAX_DEPTH} levels deep`
    : raw.includes('maxAliases')
      ? `more than ${MAX_ALIASES} aliases in one document (an alias bomb?)`
      : raw;
  if (e.mark) return { file, line: lineOffset + e.mark.line + 1, message: `malformed YAML: ${reason} (column ${e.mark.column + 1})` };
  return { file, line: lineOffset + 1, message: `malformed YAML: ${reason}` };
}

interface DocumentInfo {
  /** Offset of the root node, -1 for an empty document. */
  start: number;
  /** Index of the root node's event, -1 for an empty document. */
  root: number;
  /** Index of the document's closing POP event. */
  end: number;
  /** Whether the document uses aliases (then its shared nodes are copied apart, within the node budget). */
  aliases: boolean;
}

/**
 * Where each document's root node starts. Only the event after each DOCUMENT is read and then the
 * document is skipped to its end by counting opens and closes — no other per-event work, since
 * this runs over every event of a 10,000-object file.
 */
function scanDocuments(events: Event[]): DocumentInfo[] {
  const docs: DocumentInfo[] = [];
  const n = events.length;
  let i = 0;
  while (i < n) {
    if (events[i]!.type !== EVENT_ID.DOCUMENT) {
      i++;
      continue;
    }
    const root = i + 1 < n && events[i + 1]!.type !== EVENT_ID.POP ? i + 1 : -1;
    let depth = 1;
    let aliases = false;
    let j = i + 1;
    for (; j < n && depth > 0; j++) {
      const t = events[j]!.type;
      if (t === EVENT_ID.POP) depth--;
      else if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) depth++;
      else if (t === EVENT_ID.ALIAS) aliases = true;
    }
    docs.push({ start: root < 0 ? -1 : nodeStart(events[root]!), root, end: j - 1, aliases });
    i = j;
  }
  return docs;
}

/** Offsets of the entries of a root mapping's `items` sequence, for the lines of `kind: List` items. */
function listItemStarts(events: Event[], doc: DocumentInfo, source: string): number[] | undefined {
  const root = events[doc.root];
  if (root?.type !== EVENT_ID.MAPPING) return undefined;
  let depth = 1; // inside the root mapping
  let rootChild = 0; // position among the root mapping's keys and values
  let itemsKey = false;
  let starts: number[] | undefined;
  for (let i = doc.root + 1; i < doc.end && depth > 0; i++) {
    const ev = events[i]!;
    if (ev.type === EVENT_ID.POP) {
      depth--;
      if (starts && depth < 2) return starts;
      continue;
    }
    if (depth === 1) {
      // A child of the root: keys at even positions, values at odd ones.
      if (rootChild % 2 === 0) itemsKey = ev.type === EVENT_ID.SCALAR && ev.valueEnd - ev.valueStart === 5 && source.startsWith('items', ev.valueStart);
      else if (itemsKey && ev.type === EVENT_ID.SEQUENCE) starts = [];
      rootChild++;
    } else if (depth === 2 && starts) starts.push(nodeStart(ev));
    if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) depth++;
  }
  return starts;
}

function nodeStart(ev: Event): number {
  switch (ev.type) {
    case EVENT_ID.SCALAR:
      return minStart(ev.anchorStart, ev.tagStart, ev.valueStart);
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return minStart(ev.anchorStart, ev.tagStart, ev.start);
    case EVENT_ID.ALIAS:
      return ev.anchorStart;
    default:
      return -1;
  }
}

/** The smallest of three offsets that are present (-1 means absent), or -1. */
function minStart(a: number, b: number, c: number): number {
  let m = -1;
  if (a >= 0) m = a;
  if (b >= 0 && (m < 0 || b < m)) m = b;
  if (c >= 0 && (m < 0 || c < m)) m = c;
  return m;
}

/** Line numbers for increasing offsets in one pass (falls back to recounting if asked to go back). */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}
  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    let i = this.text.indexOf('\n', this.offset);
    while (i >= 0 && i < offset) {
      this.line++;
      i = this.text.indexOf('\n', i + 1);
    }
    this.offset = offset;
    return this.line;
  }
}

const TOO_BIG = Symbol('too big');

/**
 * Copy a document whose aliases share nodes into a plain tree (so editing one place does not edit
 * another), refusing to expand past the node budget: undefined when it would.
 */
export function expandAliases(value: unknown): unknown {
  let budget = MAX_EXPANDED_NODES;
  const copy = (v: unknown): unknown => {
    if (--budget < 0) throw TOO_BIG;
    if (Array.isArray(v)) return v.map(copy);
    if (isPlainObject(v)) {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v)) setOwn(o, k, copy(v[k]));
      return o;
    }
    return v;
  };
  try {
    return copy(value);
  } catch (e) {
    if (e === TOO_BIG) return undefined;
    throw e;
  }
}

/** Split text at `---` document markers (column 0, as YAML requires), keeping each part's first line. */
function splitDocuments(text: string): { text: string; line: number }[] {
  const parts: { text: string; line: number }[] = [];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let start = 0;
  let startLine = 0;
  let m: RegExpExecArray | null;
  while ((m = marker.exec(text))) {
    if (m.index > start) {
      parts.push({ text: text.slice(start, m.index), line: startLine });
      startLine += countNewlines(text, start, m.index);
      start = m.index;
    }
  }
  parts.push({ text: text.slice(start), line: startLine });
  return parts;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
