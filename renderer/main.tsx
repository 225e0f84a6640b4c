/** Start-up: strings, the session (title, backup, ?example=), then the workspace. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { canvasStrings, view } from './canvas';
import { loadAllBundledFonts, registerBundledFonts } from './fonts';
import { startSession } from './files/session';
import { initI18n } from './i18n';
import './styles.css';

const i18n = initI18n({ canvas: { en: canvasStrings.en, 'zh-CN': canvasStrings.zh } });
registerBundledFonts();
// The bundled CJK face's slices (renderer/fonts): all loaded at start in either language, so no
// text is ever laid out while its slice is on its way; the canvas is redrawn once they are in.
const fontsIn = loadAllBundledFonts().then(() => view.stage?.batchDraw());
i18n.on('languageChanged', (lng: string) => {
  if (lng === 'zh-CN') void fontsIn.then(() => view.stage?.batchDraw());
});
startSession();

// In Chinese the first render waits for them (from the app itself; at most 2 s), so no text is
// laid out in boxes before its glyphs arrive.
const ready = i18n.language === 'zh-CN' ? Promise.race([fontsIn, new Promise((r) => setTimeout(r, 2000))]) : Promise.resolve();
void ready.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
