/** Start-up: strings, shared services, the session (title, backup, ?example=), then the workspace. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { validate } from './api/formats';
import { canvasStrings } from './canvas';
import { startSession } from './files/session';
import { initI18n } from './i18n';
import { provideDesignServices } from './store';
import './styles.css';

initI18n({ canvas: { en: canvasStrings.en, 'zh-CN': canvasStrings.zh } });
// TODO(merge): wire shared/validation's validateObjects (and connect, layoutDesign) once merged.
provideDesignServices({ validateObjects: (objects) => validate(Array.isArray(objects) ? objects : [...objects.objects]) });
startSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
