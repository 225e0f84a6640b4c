/** The API for this host: Electron's preload when present, else the in-page browser implementation. */
import type { KubeplanApi } from '../../shared/ipc/api';
import { createBrowserApi } from './browser';

declare global {
  interface Window {
    kubeplan?: KubeplanApi;
  }
}

let api: KubeplanApi | undefined;

export function kubeplanApi(): KubeplanApi {
  api ??= window.kubeplan ?? createBrowserApi();
  return api;
}
