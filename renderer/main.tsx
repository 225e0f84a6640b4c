/** Start-up: strings, the session (title, backup, ?example=), then the workspace. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { canvasStrings, view } from './canvas';
import { loadCanvasFonts, registerBundledFonts } from './fonts';
import { startSession } from './files/session';
import { initI18n } from './i18n';
import './styles.css';

function* stringsOf(o: unknown): Generator<string> {
  if (typeof o === 'string') yield o;
  else if (o && typeof o === 'object') for (const v of Object.values(o)) yield* stringsOf(v);
}

const i18n = initI18n({ canvas: { en: canvasStrings.en, 'zh-CN': canvasStrings.zh } });
registerBundledFonts();
// The canvas draws its Chinese itself: load the bundled face's slices for it, then redraw.
const canvasFonts = (lng: string) => {
  if (lng === 'zh-CN') void loadCanvasFonts(stringsOf(i18n.getResourceBundle('zh-CN', 'translation')), () => view.stage?.batchDraw());
};
canvasFonts(i18n.language);
i18n.on('languageChanged', canvasFonts);
startSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
