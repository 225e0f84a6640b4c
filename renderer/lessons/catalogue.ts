/**
 * The lessons the app knows: the bundled ones (assets/lessons/*.lesson.yaml, bundled as text so
 * the browser build needs no server) and the ones a teacher opened from a file this session.
 */
import { COMMANDS } from '../../shared/ipc/commands';
import { parseLesson, sortLessons, type Lesson, type ParseLessonResult } from '../../shared/lessons';
import { formatManifestError } from '../../shared/manifests/types';
import { allVerbs } from '../../shared/simulation/kubectl';
import { EXAMPLES } from '../api/examples';

const texts = import.meta.glob('../../assets/lessons/*.lesson.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const KNOWN = { commands: COMMANDS, examples: EXAMPLES.map((e) => e.id), kubectlVerbs: allVerbs().map((v) => v.name) };

/** Parse a lesson file against this app's commands, examples and kubectl verbs. */
export function readLesson(text: string, file: string): ParseLessonResult {
  return parseLesson(text, file, KNOWN);
}

function loadBundled(): Lesson[] {
  const out: Lesson[] = [];
  for (const [path, text] of Object.entries(texts)) {
    const file = path.split('/').pop()!;
    const r = readLesson(text, file);
    // A broken bundled lesson is a build mistake (test/unit/lessons/bundled.test.ts catches it); it is left out, not shown half-read.
    if (r.ok) out.push(r.lesson);
    else console.error(r.errors.map(formatManifestError).join('\n'));
  }
  return sortLessons(out);
}

export const BUNDLED_LESSONS: readonly Lesson[] = loadBundled();
