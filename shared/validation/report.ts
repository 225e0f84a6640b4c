/**
 * Problems tied back to where each object was written (file and line, when it came from a file),
 * and their two printed forms: compiler-style lines for people, JSON for tools.
 */
import type { KubeObject } from '../model/object';
import { keyOf } from '../kinds/objectIndex';
import { validateObjects } from './validate';
import type { Problem } from './types';

export interface SourcedObject {
  object: KubeObject;
  source?: { file: string; line: number };
}

export type LocatedProblem = Problem & { file?: string; line?: number };

export interface ValidationReport {
  objects: number;
  errors: number;
  warnings: number;
  problems: LocatedProblem[];
}

/** Validate loaded objects and say where each problem's object was written. */
export function validateSourced(loaded: readonly SourcedObject[]): ValidationReport {
  const occurrences = new Map<string, SourcedObject[]>();
  for (const l of loaded) {
    const key = keyOf(l.object);
    const list = occurrences.get(key);
    if (list) list.push(l);
    else occurrences.set(key, [l]);
  }
  const duplicatesSeen = new Map<string, number>();
  const problems = validateObjects(loaded.map((l) => l.object)).map((p): LocatedProblem => {
    const list = occurrences.get(p.objectKey) ?? [];
    let at = list[0];
    if (p.rule === 'duplicate') {
      // The n-th duplicate problem of a key is about its (n+1)-th definition.
      const n = (duplicatesSeen.get(p.objectKey) ?? 0) + 1;
      duplicatesSeen.set(p.objectKey, n);
      at = list[n] ?? at;
    }
    return at?.source ? { ...p, file: at.source.file, line: at.source.line } : p;
  });
  return {
    objects: loaded.length,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems,
  };
}

/** `file:line: error: Deployment shop/web: spec.selector: message`, then an indented hint. */
export function formatProblem(p: LocatedProblem): string {
  const where = p.file ? `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ` : '';
  const who = `${p.kind} ${p.namespace ? `${p.namespace}/` : ''}${p.name}`;
  const line = `${where}${p.severity}: ${who}: ${p.path}: ${p.message}`;
  return p.hint ? `${line}\n    hint: ${p.hint}` : line;
}

/** Problems in reading order (file, then line; objects without a file last), then a summary line. */
export function formatReport(report: ValidationReport): string {
  const ordered = report.problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => compareLocation(a.p, b.p) || a.i - b.i)
    .map(({ p }) => formatProblem(p));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary =
    report.problems.length === 0
      ? `${plural(report.objects, 'object')}: no problems`
      : `${plural(report.objects, 'object')}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`;
  return [...ordered, summary].join('\n') + '\n';
}

function compareLocation(a: LocatedProblem, b: LocatedProblem): number {
  if (a.file === undefined || b.file === undefined) return a.file === b.file ? 0 : a.file === undefined ? 1 : -1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}
