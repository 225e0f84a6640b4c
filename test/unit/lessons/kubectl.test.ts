/**
 * The `kubectl` lesson condition: a console command run during the step, matched by the words it
 * starts with, its exit code (0 unless asked), its user and a piece of its output; and the parser's
 * file:line errors for it.
 */
import { describe, expect, it } from 'vitest';
import { allVerbs } from '../../../shared/simulation/kubectl';
import { conditionHolds, EMPTY_SNAPSHOT, needsSimulation, parseLesson, type LessonSnapshot, type SnapshotKubectl } from '../../../shared/lessons';

const ran = (...runs: SnapshotKubectl[]): LessonSnapshot => ({ ...EMPTY_SNAPSHOT, kubectl: runs });
const getPods: SnapshotKubectl = { argv: ['get', 'pods', '-A'], user: 'admin', exitCode: 0, stdout: 'NAMESPACE   NAME\nshop        web-1\n', stderr: '' };
const forbidden: SnapshotKubectl = {
  argv: ['get', 'secrets'],
  user: 'dev',
  exitCode: 1,
  stdout: '',
  stderr: 'Error from server (Forbidden): secrets is forbidden: User "dev" cannot list resource "secrets" in API group "" in the namespace "team-a"\n',
};

describe('the kubectl condition', () => {
  it('holds when a command starting with the words ran during the step, successfully by default', () => {
    expect(conditionHolds({ kubectl: { command: 'get pods' } }, ran(getPods))).toBe(true);
    expect(conditionHolds({ kubectl: { command: 'kubectl get pods -A' } }, ran(getPods))).toBe(true);
    expect(conditionHolds({ kubectl: { command: 'get' } }, ran(getPods))).toBe(true);
    // Other words, more words than were typed, or nothing run: not yet.
    expect(conditionHolds({ kubectl: { command: 'get deployments' } }, ran(getPods))).toBe(false);
    expect(conditionHolds({ kubectl: { command: 'get pods -A -o wide' } }, ran(getPods))).toBe(false);
    expect(conditionHolds({ kubectl: { command: 'get pods' } }, EMPTY_SNAPSHOT)).toBe(false);
    // A word must match whole: `get po` is not `get pods`.
    expect(conditionHolds({ kubectl: { command: 'get po' } }, ran(getPods))).toBe(false);
  });

  it('a refused command does not count as done; exitCode 1 waits for the refusal', () => {
    expect(conditionHolds({ kubectl: { command: 'get secrets' } }, ran(forbidden))).toBe(false);
    expect(conditionHolds({ kubectl: { command: 'get secrets', exitCode: 1 } }, ran(forbidden))).toBe(true);
    expect(conditionHolds({ kubectl: { command: 'get pods', exitCode: 1 } }, ran(getPods))).toBe(false);
  });

  it('user and output narrow it: the user it ran as, a piece of stdout or stderr', () => {
    expect(conditionHolds({ kubectl: { command: 'get secrets', exitCode: 1, user: 'dev', output: '(Forbidden)' } }, ran(forbidden))).toBe(true);
    expect(conditionHolds({ kubectl: { command: 'get secrets', exitCode: 1, user: 'admin' } }, ran(forbidden))).toBe(false);
    expect(conditionHolds({ kubectl: { command: 'get pods', output: 'web-1' } }, ran(getPods))).toBe(true);
    expect(conditionHolds({ kubectl: { command: 'get pods', output: 'web-2' } }, ran(getPods))).toBe(false);
    // Both conditions from one step, met by two commands.
    expect(['get pods', 'get secrets'].every((command, i) => conditionHolds({ kubectl: { command, ...(i ? { exitCode: 1 } : {}) } }, ran(getPods, forbidden)))).toBe(true);
  });

  it('needs the simulation (the console runs on a live run)', () => {
    expect(needsSimulation({ caption: { en: 'x', 'zh-CN': '甲' }, until: { kubectl: { command: 'get pods' } } })).toBe(true);
  });
});

describe('a kubectl condition in a lesson file', () => {
  const lesson = (until: string) => ['kubeplan-lesson: 1', 'id: console', 'example: hello-minikube', 'title: { en: Console, zh-CN: 控制台 }', 'steps:', '  - caption: { en: Go, zh-CN: 走 }', `    until: ${until}`, ''].join('\n');
  const known = { kubectlVerbs: allVerbs().map((v) => v.name) };
  const errorsOf = (text: string) => {
    const r = parseLesson(text, 'c.lesson.yaml', known);
    return r.ok ? [] : r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`);
  };

  it('parses with every field', () => {
    const r = parseLesson(lesson('{ kubectl: { command: "get secrets", exitCode: 1, user: dev, output: Forbidden } }'), 'c.lesson.yaml', known);
    expect(r.ok && r.lesson.steps[0]!.until).toEqual({ kubectl: { command: 'get secrets', exitCode: 1, user: 'dev', output: 'Forbidden' } });
  });

  it('an unknown verb, an unknown field and a missing command are refused at their line', () => {
    expect(errorsOf(lesson('{ kubectl: { command: "gett pods" } }'))).toEqual([expect.stringMatching(/^c\.lesson\.yaml:7: steps\[0\]\.until\.kubectl\.command: "gett" is not a kubectl command the console runs \(.*\bget\b.*\)$/)]);
    expect(errorsOf(['kubeplan-lesson: 1', 'id: console', 'example: hello-minikube', 'title: { en: Console, zh-CN: 控制台 }', 'steps:', '  - caption: { en: Go, zh-CN: 走 }', '    until:', '      - { simulation: running }', '      - kubectl:', '          command: kubectl logz', ''].join('\n'))).toEqual([
      expect.stringMatching(/^c\.lesson\.yaml:10: steps\[0\]\.until\[1\]\.kubectl\.command: "logz" is not/),
    ]);
    expect(errorsOf(lesson('{ kubectl: { command: "get pods", exit: 1 } }'))[0]).toMatch(/^c\.lesson\.yaml:7: /);
    expect(errorsOf(lesson('{ kubectl: { user: dev } }'))[0]).toMatch(/^c\.lesson\.yaml:7: steps\[0\]\.until/);
    expect(errorsOf(lesson('{ kubectl: { command: "get pods", exitCode: -1 } }'))[0]).toMatch(/^c\.lesson\.yaml:7: /);
  });
});
