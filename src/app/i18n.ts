// i18next set-up: one `translation` namespace per language, holding the compiled locale bundle
// { engine, facts, laws, rules, shared, ui }. Each language is its own chunk: the active one is
// loaded before the first render, the other only when the person switches.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGS = ['en', 'ja'] as const;
export type Lang = (typeof LANGS)[number];
export type Bundle = Record<string, unknown>;

export const isLang = (v: unknown): v is Lang => v === 'en' || v === 'ja';

/** Loads the compiled texts of one language (a separate chunk per language). */
export async function loadLocale(lang: Lang): Promise<Bundle> {
  const mod = lang === 'ja' ? await import('virtual:teiju/locale/ja') : await import('virtual:teiju/locale/en');
  return mod.default;
}

/** A fresh i18next instance (tests make one per test). Resources are given, so init is synchronous. */
export function createI18n(lng: Lang, resources: Partial<Record<Lang, Bundle>>): I18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    lng,
    resources: Object.fromEntries(Object.entries(resources).map(([l, b]) => [l, { translation: b }])),
    fallbackLng: false,
    supportedLngs: [...LANGS],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return inst;
}

/** Makes sure a language's texts are present, loading its chunk on demand. */
export async function ensureLocale(i18n: I18n, lang: Lang, load = loadLocale): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  const bundle = await load(lang);
  i18n.addResourceBundle(lang, 'translation', bundle, true, true);
}

/**
 * The first language: the `lang` URL parameter, else the one chosen earlier in this tab, else the
 * browser's preference order (navigator.languages), else English.
 */
export function initialLanguage(search: string, stored: string | null, preferred: readonly string[]): Lang {
  const param = new URLSearchParams(search).get('lang');
  if (isLang(param)) return param;
  if (isLang(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}
