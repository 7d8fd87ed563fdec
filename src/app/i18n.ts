// i18next set-up: one `translation` namespace per language, holding the compiled locale bundle
// { engine, facts, laws, rules, shared, ui }. Each language comes in three chunks: its interface
// texts (ui, engine) before the first render; its question and law texts and the categories'
// titles just after, so the start page does not wait for them; the rest of the categories' texts
// when a page shows them (the results below their headline, the sheet). Another language loads
// only when the person switches.
// The languages are those of locales/languages.json (src/present/languages.ts).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import loaders from 'virtual:teiju/locale-loaders';
import { DEFAULT_LANG, isLang, LANGS } from '../present/languages';

export { isLang, LANGS };
/** The code of a language of locales/languages.json (isLang). */
export type Lang = string;
export type Bundle = Record<string, unknown>;

/**
 * Loads the compiled texts of one language, in three chunks: `core` (the interface, awaited before
 * the first render), `texts` (questions, rule titles and laws, fetched right after it) and
 * `details` (the rest of the rule texts; src/rules-compiler/vite-plugin.ts LOCALE_PARTS).
 */
export async function loadLocale(lang: Lang, part: LocalePart = 'core'): Promise<Bundle> {
  // A generated map of every configured language's loaders, so that Vite makes one chunk of each.
  const load = loaders[lang]?.[part];
  if (!load) throw new Error(`no texts for the language '${lang}'`);
  return (await load()).default;
}

export type LocalePart = 'core' | 'texts' | 'details';
export type LoadLocale = (lang: Lang, part?: LocalePart) => Promise<Bundle>;

/** A fresh i18next instance (tests make one per test). Resources are given, so init is synchronous. */
export function createI18n(lng: Lang, resources: Record<Lang, Bundle>): I18n {
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

/**
 * Whether a language's question, rule and law texts are loaded (the `texts` part). Only that part
 * brings both: a prerendered question's seed brings its own question's texts and no rule texts,
 * the results page's seed the categories' titles and no question texts.
 */
export function hasTexts(i18n: I18n, lang: Lang): boolean {
  const bundle = i18n.getResourceBundle(lang, 'translation') as Bundle | undefined;
  return !!bundle && bundle.facts !== undefined && bundle.rules !== undefined && bundle.ui !== undefined;
}

/** Whether a language's texts and its rule details are there (the details always bring `shared`). */
export function hasDetails(i18n: I18n, lang: Lang): boolean {
  return hasTexts(i18n, lang) && (i18n.getResourceBundle(lang, 'translation') as Bundle).shared !== undefined;
}

/** Makes sure a language's texts and its rule details are there, the chunks fetched at once. */
export async function ensureDetails(i18n: I18n, lang: Lang, load: LoadLocale = loadLocale): Promise<void> {
  if (hasDetails(i18n, lang)) return;
  // Merged after the texts: merged into a language not yet there, the details would hide that its
  // interface texts are missing (ensureLocale loads them only for a language it does not have).
  const [, details] = await Promise.all([ensureLocale(i18n, lang, load), load(lang, 'details')]);
  i18n.addResourceBundle(lang, 'translation', details, true, true);
}

/** Makes sure a language's texts are present (core and texts; details: ensureDetails), loading the chunks on demand. */
export async function ensureLocale(i18n: I18n, lang: Lang, load: LoadLocale = loadLocale): Promise<void> {
  if (hasTexts(i18n, lang)) return;
  const parts = await Promise.all([
    i18n.hasResourceBundle(lang, 'translation') ? undefined : load(lang, 'core'),
    load(lang, 'texts'),
  ]);
  for (const bundle of parts) if (bundle) i18n.addResourceBundle(lang, 'translation', bundle, true, true);
}

/**
 * The first language: the `lang` URL parameter, else the one chosen earlier in this tab, else the
 * browser's preference order (navigator.languages), else the default language (English).
 */
export function initialLanguage(search: string, stored: string | null, preferred: readonly string[]): Lang {
  const param = new URLSearchParams(search).get('lang');
  if (isLang(param)) return param;
  if (isLang(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return DEFAULT_LANG;
}
