import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../shared/lessons';

const good = `kubeplan-lesson: 1
id: my-lesson
example: hello-minikube
title: { en: Mine, zh-CN: 我的 }
steps:
  - caption: { en: One, zh-CN: 一 }
  - caption: { en: Two, zh-CN: 二 }
    highlight: { cards: [{ kind: Deployment, name: hello-node }], panels: [inspector] }
    until:
      - { command: "view:fit" }
      - { pods: { owner: Deployment/hello-node, status: Running, count: 2 } }
`;

const errorsOf = (text: string, known = {}) => {
  const r = parseLesson(text, 'my.lesson.yaml', known);
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`);
};

describe('lesson files', () => {
  it('a valid lesson parses with its steps and conditions', () => {
    const r = parseLesson(good, 'my.lesson.yaml', { commands: ['view:fit'], examples: ['hello-minikube'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.steps).toHaveLength(2);
    expect(r.lesson.steps[1]!.until).toEqual([{ command: 'view:fit' }, { pods: { owner: 'Deployment/hello-node', status: 'Running', count: 2 } }]);
  });

  it('malformed YAML names the line', () => {
    expect(errorsOf('kubeplan-lesson: 1\nid: x\ntitle: [unclosed\n')[0]).toMatch(/^my\.lesson\.yaml:\d+: malformed YAML/);
  });

  it('a file without the format line is not a lesson', () => {
    expect(errorsOf('id: x\n')).toEqual(['my.lesson.yaml:1: not a Kubeplan lesson: the "kubeplan-lesson: 1" line is missing']);
  });

  it('a missing translation names the step and its line', () => {
    const text = good.replace('  - caption: { en: Two, zh-CN: 二 }', '  - caption: { en: Two }');
    expect(errorsOf(text)).toEqual(['my.lesson.yaml:7: steps[1].caption.zh-CN is missing']);
  });

  it('a wrong condition says which forms exist, at its line', () => {
    const text = good.replace('{ command: "view:fit" }', '{ clicked: "view:fit" }');
    const errors = errorsOf(text);
    expect(errors[0]).toMatch(/^my\.lesson\.yaml:1[01]: steps\[1\]\.until/);
    expect(errors.join('\n')).toMatch(/command, card, connected, simulation, pods, event/);
  });

  it('a count that is not a number, an unknown field, an unknown panel', () => {
    expect(errorsOf(good.replace('count: 2', 'count: two'))).toEqual(expect.arrayContaining([expect.stringMatching(/^my\.lesson\.yaml:1[01]: steps\[1\]\.until/)]));
    expect(errorsOf(good.replace('id: my-lesson', 'id: my-lesson\ncolour: red'))).toEqual(['my.lesson.yaml:1: the lesson: unknown field "colour"']);
    expect(errorsOf(good.replace('panels: [inspector]', 'panels: [sidebar]'))[0]).toMatch(/^my\.lesson\.yaml:8: steps\[1\]\.highlight\.panels\[0\]/);
  });

  it('an unknown command or example is named with its line', () => {
    expect(errorsOf(good, { commands: ['edit:undo'], examples: ['hello-minikube'] })).toEqual(['my.lesson.yaml:10: steps[1].until[0].command: "view:fit" is not a command']);
    expect(errorsOf(good, { commands: ['view:fit'], examples: ['shop'] })).toEqual(['my.lesson.yaml:3: example "hello-minikube" is not one of the examples (shop)']);
  });
});

describe('the live-simulation conditions in a lesson file', () => {
  const lesson = (until: string) => ['kubeplan-lesson: 1', 'id: live', 'example: hello-minikube', 'title: { en: Live, zh-CN: 实时 }', 'steps:', '  - caption: { en: Go, zh-CN: 走 }', `    until: ${until}`, ''].join('\n');

  it('parses a command with arguments, an event since the run with a message, an object state, apply output and a traffic verdict', () => {
    for (const until of [
      '{ command: { id: "simulate:scale", args: { replicas: 3 } } }',
      '{ event: { reason: FailedCreate, message: exceeded quota, since: run } }',
      '{ object: { kind: Node, field: unschedulable, equals: true } }',
      '{ applied: { result: unchanged, kind: Deployment, name: hello-node } }',
      '{ traffic: { flow: grafana-to-mq, verdict: denied } }',
    ]) {
      const r = parseLesson(lesson(until), 'live.lesson.yaml', { commands: ['simulate:scale'] });
      expect(r.ok, until).toBe(true);
    }
  });

  it('refuses an unknown command id inside the object form, a wrong apply result and a kind the cluster view has not, with file:line', () => {
    const bad = parseLesson(lesson('{ command: { id: "simulate:scael", args: { replicas: 3 } } }'), 'live.lesson.yaml', { commands: ['simulate:scale'] });
    expect(bad.ok ? [] : bad.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual(['live.lesson.yaml:7: steps[0].until.command: "simulate:scael" is not a command']);
    for (const until of ['{ applied: { result: deleted } }', '{ object: { kind: Deployment, name: web } }']) {
      const r = parseLesson(lesson(until), 'live.lesson.yaml');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatchObject({ file: 'live.lesson.yaml', line: 7 });
    }
  });
});
