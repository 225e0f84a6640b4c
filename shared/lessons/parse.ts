/**
 * Read a lesson file: YAML, checked against the lesson schema; every problem names the file and
 * the line (`my-lesson.yaml:12: steps[1].until.pods.count must be a number, not string`).
 */
import { describeIssue, formatPath } from '../design/schema';
import { loadWithPositions, type LocatedDocument, type PathSegment } from '../design/yamlPositions';
import { yamlError } from '../manifests/parse';
import type { ManifestError } from '../manifests/types';
import { isPlainObject } from '../model/object';
import { kubectlWords } from './engine';
import { CONDITION_FORMS, lessonSchema, type Lesson } from './schema';

/** Lesson files are small; anything bigger is refused before parsing. */
export const MAX_LESSON_BYTES = 512 * 1024;

export type ParseLessonResult = { ok: true; lesson: Lesson } | { ok: false; errors: ManifestError[] };

/**
 * Parse a lesson file; the commands, examples and kubectl verbs the app knows, when given, are
 * checked too (a `kubectl` condition's first word must be a verb of the console).
 */
export function parseLesson(text: string, file: string, known: { commands?: readonly string[]; examples?: readonly string[]; kubectlVerbs?: readonly string[] } = {}): ParseLessonResult {
  const fail = (message: string, line?: number): ParseLessonResult => ({ ok: false, errors: [{ file, ...(line !== undefined ? { line } : {}), message }] });
  if (text.length > MAX_LESSON_BYTES) return fail(`a lesson file is at most ${MAX_LESSON_BYTES / 1024} KiB`);
  let located: LocatedDocument;
  try {
    located = loadWithPositions(text, 8);
  } catch (err) {
    return { ok: false, errors: [yamlError(err, file, 0)] };
  }
  const documents = located.values.filter((v) => v !== null && v !== undefined);
  if (documents.length !== 1) return fail(documents.length === 0 ? 'empty lesson file: expected a mapping starting with "kubeplan-lesson: 1"' : `a lesson file holds one YAML document, this one has ${documents.length}`, 1);
  const raw = documents[0];
  if (!isPlainObject(raw) || !('kubeplan-lesson' in raw)) return fail('not a Kubeplan lesson: the "kubeplan-lesson: 1" line is missing', 1);
  const lineOf = (path: readonly PropertyKey[]) => located.lineOf(path as PathSegment[]);

  const parsed = lessonSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.slice(0, 20).map((issue) => ({ file, line: lineOf(issue.path), message: describeLessonIssue(issue, raw) }));
    return { ok: false, errors };
  }
  const lesson = parsed.data;
  const errors: ManifestError[] = [];
  if (known.examples && !known.examples.includes(lesson.example)) {
    errors.push({ file, line: lineOf(['example']), message: `example "${lesson.example}" is not one of the examples (${known.examples.join(', ')})` });
  }
  if (known.kubectlVerbs) {
    lesson.steps.forEach((step, i) => {
      const conditions = step.until === undefined ? [] : Array.isArray(step.until) ? step.until : [step.until];
      conditions.forEach((c, j) => {
        if (!('kubectl' in c)) return;
        const base = Array.isArray(step.until) ? ['steps', i, 'until', j, 'kubectl'] : ['steps', i, 'until', 'kubectl'];
        const verb = kubectlWords(c.kubectl.command)[0];
        if (verb === undefined || !known.kubectlVerbs!.includes(verb)) {
          errors.push({ file, line: lineOf([...base, 'command']), message: `${formatPath([...base, 'command'])}: "${verb ?? ''}" is not a kubectl command the console runs (${known.kubectlVerbs!.join(', ')})` });
        }
      });
    });
  }
  if (known.commands) {
    lesson.steps.forEach((step, i) => {
      const conditions = step.until === undefined ? [] : Array.isArray(step.until) ? step.until : [step.until];
      conditions.forEach((c, j) => {
        const id = 'command' in c ? (typeof c.command === 'string' ? c.command : c.command.id) : undefined;
        if (id !== undefined && !known.commands!.includes(id)) {
          const base = Array.isArray(step.until) ? ['steps', i, 'until', j, 'command'] : ['steps', i, 'until', 'command'];
          const path = typeof c === 'object' && 'command' in c && typeof c.command === 'object' ? [...base, 'id'] : base;
          errors.push({ file, line: lineOf(path), message: `${formatPath(base)}: "${id}" is not a command` });
        }
      });
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lesson };
}

/** A zod issue in the words a teacher reads; unions name the forms they accept. */
function describeLessonIssue(issue: Parameters<typeof describeIssue>[0], input: unknown): string {
  const path = formatPath(issue.path);
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'until') {
    return `${path} must be one of: ${CONDITION_FORMS.join(', ')} (or a list of them)`;
  }
  if (issue.code === 'invalid_union' && typeof issue.path.at(-2) === 'string' && issue.path.at(-2) === 'until') {
    return `${path} must be one of: ${CONDITION_FORMS.join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') return `${path === 'the design' ? 'the lesson' : path}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === 'kubeplan-lesson') return `"kubeplan-lesson:" must be 1, the lesson format version`;
  return describeIssue(issue, input).replace(/^the design/, 'the lesson');
}
