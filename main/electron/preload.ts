/**
 * The preload (sandboxed, bundled to one CommonJS file): exposes `window.kubeplan`, a
 * KubeplanApi made of named functions that each forward to one fixed channel of ours. No
 * ipcRenderer, no generic send/invoke, nothing else reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { KubeplanApi, Result, SimulationFrames } from '../../shared/ipc/api';
import { EVENTS, INVOKE, SEND } from '../../shared/ipc/channels';
import type { InvokePayloads, InvokeValues } from '../../shared/ipc/contract';

function invoke<C extends keyof InvokePayloads>(channel: C, payload: InvokePayloads[C]): Promise<Result<InvokeValues[C]>> {
  return ipcRenderer.invoke(channel, payload) as Promise<Result<InvokeValues[C]>>;
}

const api: KubeplanApi = {
  platform: 'electron',
  openDesign: (path) => invoke(INVOKE.openDesign, path === undefined ? {} : { path }),
  saveDesign: (design, options) => invoke(INVOKE.saveDesign, { design, ...pick(options, ['path', 'saveAs']) }),
  importManifests: (options) => invoke(INVOKE.importManifests, pick(options, ['paths', 'folder'])),
  exportManifests: (design, options) => invoke(INVOKE.exportManifests, { design, mode: options.mode, ...pick(options, ['ids']) }),
  listExamples: () => invoke(INVOKE.listExamples, {}),
  openExample: (id) => invoke(INVOKE.openExample, { id }),
  listRecent: () => invoke(INVOKE.listRecent, {}),
  backup: (snapshot) => invoke(INVOKE.backup, snapshot === undefined ? {} : { snapshot }),
  takeBackup: () => invoke(INVOKE.takeBackup, {}),
  settleBackup: () => invoke(INVOKE.settleBackup, {}),
  setDirty: (dirty, title) => ipcRenderer.send(SEND.setDirty, { dirty, title }),
  onCommand: (listener) => {
    const forward = (_event: IpcRendererEvent, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(EVENTS.command, forward);
    return () => void ipcRenderer.removeListener(EVENTS.command, forward);
  },
  validateDesign: (design) => invoke(INVOKE.validateDesign, { design }),
  traceTraffic: (design) => invoke(INVOKE.traceTraffic, { design }),
  savePicture: (request) => invoke(INVOKE.savePicture, { format: request.format, name: request.name, data: request.data }),
  openLesson: () => invoke(INVOKE.openLesson, {}),
  runSimulation: async (request, onFrames) => {
    const forward = (_event: IpcRendererEvent, batch: SimulationFrames) => {
      if (batch?.runId === request.runId) onFrames(batch);
    };
    ipcRenderer.on(EVENTS.simulationFrames, forward);
    try {
      return await invoke(INVOKE.runSimulation, request);
    } finally {
      ipcRenderer.removeListener(EVENTS.simulationFrames, forward);
    }
  },
  cancelSimulation: (runId) => invoke(INVOKE.cancelSimulation, { runId }),
  actSimulation: (runId, action) => invoke(INVOKE.actSimulation, { runId, action }),
  kubectlSimulation: (request) => invoke(INVOKE.kubectlSimulation, request),
  observeSimulation: (runId, query) => invoke(INVOKE.observeSimulation, { runId, query }),
};

/** Copy only the named keys that are set: the schemas are strict and refuse `undefined` noise. */
function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

contextBridge.exposeInMainWorld('kubeplan', api);
