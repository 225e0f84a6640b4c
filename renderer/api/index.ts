/** The API for this host: Electron's preload when present, else the in-page browser implementation. */
import type { KubeplanApi } from '../../shared/ipc/api';
import { createBrowserApi } from './browser';

declare global {
  interface Window {
    kubeplan?: KubeplanApi;
    /** The same API for end-to-end tests; set only in dev builds and under automation. */
    __kubeplanApi?: KubeplanApi;
  }
}

let api: KubeplanApi | undefined;

export function kubeplanApi(): KubeplanApi {
  if (api) return api;
  api = window.kubeplan ?? createBrowserApi();
  // A global of its own: the canvas replaces `window.__kubeplan` whenever its stage mounts.
  if (import.meta.env.DEV || navigator.webdriver === true) window.__kubeplanApi = api;
  return api;
}
