/** Start-up: strings, the session (title, backup, ?example=), then the workspace. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { canvasStrings } from './canvas';
import { startSession } from './files/session';
import { initI18n } from './i18n';
import './styles.css';

initI18n({ canvas: { en: canvasStrings.en, 'zh-CN': canvasStrings.zh } });
startSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
