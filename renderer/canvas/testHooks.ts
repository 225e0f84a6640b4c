/**
 * `window.__kubeplan = { store, stage, edgeStats, … }` for end-to-end tests and benchmarks. Installed in dev
 * builds and whenever the browser is driven by automation (navigator.webdriver), never otherwise.
 */
import type Konva from 'konva';
import * as store from '../store';
import { edgeStats } from './drawEdges';
import { fitToContent, view, zoomBy } from './view';

export function testHooksEnabled(): boolean {
  return import.meta.env.DEV || (typeof navigator !== 'undefined' && navigator.webdriver === true);
}

export function installTestHooks(stage: Konva.Stage): () => void {
  if (!testHooksEnabled()) return () => undefined;
  const w = window as unknown as { __kubeplan?: unknown };
  w.__kubeplan = { store: store.useKubeplanStore, stage, actions: store, view, fitToContent, zoomBy, edgeStats };
  return () => {
    if ((w.__kubeplan as { stage?: unknown } | undefined)?.stage === stage) delete w.__kubeplan;
  };
}
