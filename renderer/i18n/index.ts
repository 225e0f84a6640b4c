/**
 * i18next for every UI string: English first, Simplified Chinese second. The choice is kept in
 * localStorage; `?lang=zh-CN` chooses it from a link and is remembered the same way.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'kubeplan.language';

function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (isLanguage(fromUrl)) {
    // A link or a test chooses the language, and the next start without `?lang` keeps it.
    globalThis.localStorage?.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'en';
}

/** Extra string bundles (the canvas's own strings) merged under their namespace key. */
export type StringBundle = { en: Record<string, unknown>; 'zh-CN': Record<string, unknown> };

export function initI18n(extra: Record<string, StringBundle> = {}): typeof i18next {
  const enRes: Record<string, unknown> = { ...en };
  const zhRes: Record<string, unknown> = { ...zhCN };
  for (const [key, bundle] of Object.entries(extra)) {
    enRes[key] = bundle.en;
    zhRes[key] = bundle['zh-CN'];
  }
  void i18next.use(initReactI18next).init({
    lng: initialLanguage(),
    fallbackLng: 'en',
    resources: { en: { translation: enRes }, 'zh-CN': { translation: zhRes } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}
