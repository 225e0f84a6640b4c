/**
 * Channel names of the IPC contract, `domain:verb`. Kept free of zod so the sandboxed preload
 * bundles nothing but these strings; the schemas for each channel live in ./schemas.ts.
 */

/** Renderer → main, request/response (`ipcRenderer.invoke` / `ipcMain.handle`). */
export const INVOKE = {
  openDesign: 'design:open',
  saveDesign: 'design:save',
  validateDesign: 'design:validate',
  importManifests: 'manifests:import',
  exportManifests: 'manifests:export',
  listExamples: 'examples:list',
  openExample: 'examples:open',
  listRecent: 'recent:list',
  backup: 'backup:write',
  takeBackup: 'backup:take',
  settleBackup: 'backup:settle',
  runSimulation: 'simulation:run',
  cancelSimulation: 'simulation:cancel',
  actSimulation: 'simulation:act',
  traceTraffic: 'traffic:trace',
  kubectlSimulation: 'simulation:kubectl',
  observeSimulation: 'simulation:observe',
  savePicture: 'picture:save',
  openLesson: 'lessons:open',
} as const;

/** Renderer → main, one-way (`ipcRenderer.send` / `ipcMain.on`). */
export const SEND = {
  setDirty: 'window:setDirty',
} as const;

/** Main → renderer events (`webContents.send` / `ipcRenderer.on`). */
export const EVENTS = {
  command: 'menu:command',
  simulationFrames: 'simulation:frames',
} as const;

/** Every channel the preload may touch; nothing else is forwarded. */
export const ALL_CHANNELS: readonly string[] = [...Object.values(INVOKE), ...Object.values(SEND), ...Object.values(EVENTS)];
