/** Start-up: strings, the session (title, backup, ?example=), then the workspace. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { canvasStrings, view } from './canvas';
import { cjkCharacters, loadBundledFontFor, registerBundledFonts } from './fonts';
import { startSession } from './files/session';
import { initI18n } from './i18n';
import './styles.css';

function* stringsOf(o: unknown): Generator<string> {
  if (typeof o === 'string') yield o;
  else if (o && typeof o === 'object') for (const v of Object.values(o)) yield* stringsOf(v);
}

const i18n = initI18n({ canvas: { en: canvasStrings.en, 'zh-CN': canvasStrings.zh } });
registerBundledFonts();
// The slices of the bundled CJK face the interface's Chinese needs (renderer/fonts): loaded at
// start in either language, so a switch finds them; the canvas is redrawn once they are in.
const fontsIn = loadBundledFontFor(cjkCharacters(stringsOf(i18n.getResourceBundle('zh-CN', 'translation')))).then(() => view.stage?.batchDraw());
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
