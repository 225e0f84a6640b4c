import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDesign, type Design } from '../../../shared/design/types';
import type { KubeObject } from '../../../shared/model/object';
import {
  addResource, beginGesture, canUndo, clearSelection, endGesture, flushProblems, moveResources, previewHead, provideDesignServices,
  replaceDesign, resetDesignServices, select, selectAll, selectEdges, selectProblems, selectProblemsStale, setViewport,
  toggleSelected, updateObject, useKubeplanStore, watchYamlPreview, type Problem, type YamlPreview,
} from '../../../renderer/store';

const state = () => useKubeplanStore.getState();
const byId = (id: string) => state().design.resources.find((r) => r.id === id)!;
/** Long enough for every debounce in the store (validation 150 ms, YAML preview 120 ms). */
const pause = () => vi.advanceTimersByTimeAsync(1000);

function problem(o: KubeObject): Problem {
  return { severity: 'error', rule: 'fake', objectKey: `${o.kind}/${o.metadata.name}`, kind: o.kind, name: o.metadata.name, path: 'metadata', message: 'fake problem' };
}

let validations = 0;
let exports = 0;

/** A design with a Namespace frame `shop` holding a Deployment and a Service, plus one Deployment outside. */
function shop(): Design {
  const d = emptyDesign();
  const dep = (name: string, namespace: string): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } } });
  return {
    ...d,
    resources: [
      { id: 'r1', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } },
      { id: 'r2', object: dep('web', 'shop') },
      { id: 'r3', object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } },
      { id: 'r4', object: dep('api', 'default') },
    ],
    layout: { positions: { r2: { x: 40, y: 60 }, r3: { x: 300, y: 60 }, r4: { x: 2000, y: 2000 } }, frames: { shop: { x: 0, y: 0, width: 800, height: 400 } } },
  };
}

beforeEach(async () => {
  vi.useFakeTimers();
  validations = 0;
  exports = 0;
  provideDesignServices({
    validateObjects: (objects) => {
      validations++;
      return [...(Array.isArray(objects) ? objects : (objects as { objects: readonly KubeObject[] }).objects)].filter((o) => o.kind === 'Service').map(problem);
    },
    validateInBackground: undefined,
    exportYaml: (objects) => {
      exports++;
      return Promise.resolve(objects.map((o) => `kind: ${o.kind}\nname: ${o.metadata.name}\n`).join('---\n'));
    },
  });
  replaceDesign(shop());
  await pause();
  validations = 0;
  exports = 0;
});

afterEach(() => {
  vi.useRealTimers();
  resetDesignServices();
});

describe('validation while editing', () => {
  it('shows the problems of the design after a pause, without an undo step of their own', async () => {
    expect(selectProblems(state()).map((p) => p.name)).toEqual(['web']);
    expect(selectProblemsStale(state())).toBe(false);
    expect(canUndo()).toBe(false);
  });

  it('selecting, panning and moving cards within their namespace never re-validate the design', async () => {
    const problems = selectProblems(state());
    select(['r2']);
    toggleSelected('r3');
    selectAll();
    clearSelection();
    setViewport({ x: 30, y: 10, scale: 1.5 });
    beginGesture();
    moveResources(['r2', 'r3'], 24, 12);
    moveResources(['r2', 'r3'], 24, 12);
    endGesture();
    moveResources(['r4'], -50, 0);
    expect(selectProblemsStale(state())).toBe(false);
    await pause();
    expect(validations).toBe(0);
    expect(selectProblems(state())).toBe(problems);
  });

  it('a burst of edits is validated once, after the pause, and marked stale until then', async () => {
    addResource('Service', { x: 2400, y: 2400 });
    addResource('Service', { x: 2800, y: 2400 });
    updateObject('r4', { ...byId('r4').object, metadata: { ...byId('r4').object.metadata, labels: { tier: 'api' } } });
    expect(selectProblemsStale(state())).toBe(true);
    expect(validations).toBe(0);
    await pause();
    expect(validations).toBe(1);
    expect(selectProblemsStale(state())).toBe(false);
    expect(selectProblems(state()).map((p) => p.name).sort()).toEqual(['svc', 'svc-2', 'web']);
  });

  it('moving a card into another namespace changes its object, so it is validated again', async () => {
    moveResources(['r4'], -1900, -1900); // into the shop frame
    expect(byId('r4').object.metadata.namespace).toBe('shop');
    await pause();
    expect(validations).toBe(1);
  });

  it('uses the background validator when the host has one, and falls back to this thread when it fails', async () => {
    let background = 0;
    provideDesignServices({
      validateInBackground: (objects) => {
        background++;
        return background === 1 ? Promise.resolve(objects.map(problem)) : Promise.reject(new Error('worker terminated'));
      },
    });
    addResource('ConfigMap', { x: 2400, y: 2400 });
    await pause();
    expect(background).toBe(1);
    expect(validations).toBe(0);
    expect(selectProblems(state())).toHaveLength(5);
    addResource('ConfigMap', { x: 2800, y: 2400 });
    await pause();
    expect(background).toBe(2);
    expect(validations).toBe(1);
    expect(selectProblems(state()).map((p) => p.name)).toEqual(['web']);
  });

  it('a validation that finishes after a newer edit never overwrites the newer result', async () => {
    const pending: Array<(p: Problem[]) => void> = [];
    provideDesignServices({ validateInBackground: () => new Promise((resolve) => pending.push(resolve)) });
    addResource('ConfigMap', { x: 2400, y: 2400 });
    await pause();
    addResource('ConfigMap', { x: 2800, y: 2400 });
    await pause();
    expect(pending).toHaveLength(2);
    pending[1]!([]);
    await pause();
    pending[0]!([problem(byId('r1').object)]);
    await pause();
    expect(selectProblems(state())).toEqual([]);
    expect(selectProblemsStale(state())).toBe(false);
  });

  it('flushProblems validates at once instead of waiting for the pause', async () => {
    addResource('Service', { x: 2400, y: 2400 });
    await flushProblems();
    expect(validations).toBe(1);
    expect(selectProblemsStale(state())).toBe(false);
  });

  it('re-uses the resolved references while cards move within their namespace', () => {
    const edges = selectEdges(state());
    moveResources(['r2', 'r3'], 10, 10);
    select(['r3']);
    expect(selectEdges(state())).toBe(edges);
  });
});

describe('the YAML preview', () => {
  function watch(scope: 'design' | 'selection') {
    const seen: YamlPreview[] = [];
    const stop = watchYamlPreview(scope, (p) => seen.push(p));
    return { seen, stop, last: () => seen[seen.length - 1]! };
  }

  it('exports the whole design once, then never again for selection changes or moves', async () => {
    const w = watch('design');
    await pause();
    expect(exports).toBe(1);
    expect(w.last()).toMatchObject({ count: 4, stale: false });
    expect(w.last().text).toContain('name: api');
    select(['r2']);
    selectAll();
    moveResources(['r2', 'r3'], 30, 0);
    await pause();
    expect(exports).toBe(1);
    updateObject('r4', { ...byId('r4').object, metadata: { ...byId('r4').object.metadata, labels: { tier: 'api' } } });
    expect(w.last().stale).toBe(true);
    await pause();
    expect(exports).toBe(2);
    w.stop();
  });

  it('in selection scope exports only the selected objects, again when the selection changes', async () => {
    select(['r2']);
    const w = watch('selection');
    await pause();
    expect(w.last().text).toBe('kind: Deployment\nname: web\n');
    select(['r3']);
    await pause();
    expect(exports).toBe(2);
    expect(w.last().text).toBe('kind: Service\nname: web\n');
    clearSelection();
    expect(w.last()).toMatchObject({ count: 0, stale: false });
    w.stop();
  });

  it('stops exporting once nobody watches (the tab is hidden)', async () => {
    const w = watch('design');
    w.stop();
    addResource('Service', { x: 2400, y: 2400 });
    await pause();
    expect(exports).toBe(0);
  });

  it('draws only the first lines of a huge export and says how many there are', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const head = previewHead(text, 2000);
    expect(head).toMatchObject({ lines: 5000, cut: true });
    expect(head.shown.split('\n')).toHaveLength(2001);
    expect(head.shown.endsWith('line 2000\n')).toBe(true);
    expect(previewHead('a\nb', 2)).toEqual({ shown: 'a\nb', lines: 2, cut: false });
  });
});
