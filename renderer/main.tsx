/** Start-up: strings, shared services, the session (title, backup, ?example=), then the workspace. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { validateObjects } from '../shared/validation';
import { canvasStrings } from './canvas';
import { startSession } from './files/session';
import { initI18n } from './i18n';
import { provideDesignServices } from './store';
import './styles.css';

initI18n({ canvas: { en: canvasStrings.en, 'zh-CN': canvasStrings.zh } });
// TODO(merge): wire shared/references' connect/canConnect and shared/manifests' layoutDesign once merged.
provideDesignServices({ validateObjects });
startSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
