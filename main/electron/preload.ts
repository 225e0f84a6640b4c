import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('kubeplan', {});
