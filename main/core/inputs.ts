/**
 * Read what the user points at — design files, YAML/JSON manifests, folders of them — into
 * objects with file and line. Every unreadable or bad file gives an error naming it; the others
 * still load. Sizes are checked before anything is read.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { isDesignText, parseDesign, type Design } from '../../shared/design';
import { formatBytes, formatManifestError, MAX_FILE_BYTES, parseManifests, type LoadedObject, type ManifestError } from '../../shared/manifests';
import { pushAll } from '../../shared/model/arrays';

export interface LoadedInputs {
  /** Every object of every input, design objects included (with the design file's lines). */
  objects: LoadedObject[];
  /** The first design among the inputs, with its layout and cluster. */
  design?: Design;
  /** The file the design came from. */
  designFile?: string;
  errors: ManifestError[];
  /** Non-fatal notes (a migrated design, an ignored field). */
  warnings: string[];
  /** How many files were read. */
  files: number;
  /** `dev:ino` of every file read, so a command can refuse to write over one of its inputs. */
  fileIds: Set<string>;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const DESIGN_FILE = /\.kubeplan\.(ya?ml|json)$/i;

export interface LoadOptions {
  /** Folder relative paths are read from (default: the process's). Files are still named as given. */
  cwd?: string;
}

/** Reads every path; errors and object sources name files as the user wrote them (folder entries joined on). */
export async function loadInputs(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedInputs> {
  const out: LoadedInputs = { objects: [], errors: [], warnings: [], files: 0, fileIds: new Set() };
  const ctx: Context = { out, seen: new Set(), cwd: options.cwd ?? process.cwd() };
  for (const path of paths) await loadPath(path, true, ctx);
  return out;
}

interface Context {
  out: LoadedInputs;
  seen: Set<string>;
  cwd: string;
  /** Real path of the folder the user named, while reading inside it: symlinks never lead out of it. */
  root?: string;
  rootName?: string;
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function relativeRootName(ctx: Context): string {
  return ctx.rootName ?? ctx.root ?? 'the folder';
}

async function loadPath(path: string, explicit: boolean, ctx: Context): Promise<void> {
  const { out, seen } = ctx;
  const abs = resolve(ctx.cwd, path);
  if (!explicit && ctx.root) {
    const target = await realpath(abs).catch(() => abs);
    if (!isInside(target, ctx.root)) {
      out.warnings.push(`${path}: a link to ${target}, outside ${relativeRootName(ctx)}; not followed`);
      return;
    }
  }
  let info;
  try {
    info = await stat(abs);
  } catch (err) {
    out.errors.push({ file: path, message: `cannot read: ${describeFsError(err)}` });
    return;
  }
  if (info.isDirectory()) {
    if (!explicit) return loadDirectory(path, ctx);
    const root = await realpath(abs).catch(() => abs);
    await loadDirectory(path, { ...ctx, root, rootName: path });
    return;
  }
  // Inside folders only manifest-looking files are read; a file named explicitly is always read.
  if (!explicit && !MANIFEST_FILE.test(path)) return;
  if (!info.isFile()) {
    out.errors.push({ file: path, message: 'not a regular file' });
    return;
  }
  const real = await realpath(abs).catch(() => abs);
  if (seen.has(real)) return;
  seen.add(real);
  out.fileIds.add(`${info.dev}:${info.ino}`);
  if (info.size > MAX_FILE_BYTES) {
    out.errors.push({ file: path, message: `file is ${formatBytes(info.size)}, over the ${formatBytes(MAX_FILE_BYTES)} limit` });
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch (err) {
    out.errors.push({ file: path, message: `cannot read: ${describeFsError(err)}` });
    return;
  }
  out.files++;
  const text = decodeText(bytes);
  if (typeof text !== 'string') {
    out.errors.push({ file: path, line: text.line, message: text.message });
    return;
  }
  if (DESIGN_FILE.test(path) || isDesignText(text)) loadDesign(text, path, out);
  else {
    // A folder may hold other YAML or JSON (a test's expected results, a tool's config): documents
    // that are no Kubernetes object are skipped with a warning there. A file named explicitly must
    // hold objects, so there they stay errors.
    const parsed = parseManifests(text, path, { skipNonObjects: !explicit });
    pushAll(out.objects, parsed.objects);
    pushAll(out.errors, parsed.errors);
    for (const s of parsed.skipped) out.warnings.push(formatManifestError(s));
  }
}

function loadDesign(text: string, path: string, out: LoadedInputs): void {
  const parsed = parseDesign(text, path);
  if ('error' in parsed) {
    out.errors.push(parsed.error);
    return;
  }
  for (const w of parsed.warnings) out.warnings.push(`${path}: ${w}`);
  parsed.design.resources.forEach((r, index) => {
    out.objects.push({ object: r.object, source: { file: path, line: parsed.objectLines[index] ?? 1, index } });
  });
  if (!out.design) {
    out.design = parsed.design;
    out.designFile = path;
  }
}

async function loadDirectory(dir: string, ctx: Context): Promise<void> {
  const { out, seen } = ctx;
  const abs = resolve(ctx.cwd, dir);
  const real = await realpath(abs).catch(() => abs);
  if (seen.has(real)) return; // a symlink loop, or the same folder twice
  seen.add(real);
  let entries;
  try {
    entries = await readdir(abs, { withFileTypes: true });
  } catch (err) {
    out.errors.push({ file: dir, message: `cannot read folder: ${describeFsError(err)}` });
    return;
  }
  // Sorted, so the same folder always loads in the same order; hidden entries (.git) skipped.
  const names = entries.map((e) => e.name).filter((n) => !n.startsWith('.') && n !== 'node_modules').sort();
  for (const name of names) await loadPath(join(dir, name), false, ctx);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text (a leading BOM dropped), or where it stops being text: a NUL byte or invalid UTF-8. */
export function decodeText(bytes: Uint8Array): string | { line: number; message: string } {
  const nul = bytes.indexOf(0);
  if (nul < 0) {
    try {
      return utf8.decode(bytes);
    } catch {
      // fall through to locate the bad byte
    }
  }
  const bad = firstInvalidUtf8(bytes, nul < 0 ? bytes.length : nul);
  const at = bad >= 0 ? bad : nul;
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < at; i = bytes.indexOf(0x0a, i + 1)) line++;
  return bad >= 0 ? { line, message: 'invalid UTF-8 text (binary data?), not YAML or JSON' } : { line, message: 'binary data (NUL byte), not YAML or JSON text' };
}

/** Offset of the first byte that is not well-formed UTF-8 (RFC 3629), before `end`; -1 if none. */
function firstInvalidUtf8(b: Uint8Array, end: number): number {
  let i = 0;
  while (i < end) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= b.length) return i; // not a lead byte, or a sequence cut short
    for (let k = 1; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    const c1 = b[i + 1]!;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return e.code ? `${e.code} ${e.message.split('\n')[0]}` : String(e.message ?? err);
  }
}
