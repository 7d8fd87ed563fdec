// The languages of the product, as locales/languages.json lists them (the compiler validates the
// file: src/rules-compiler/languages.ts): each one's code, its own name, the locale its dates are
// written in and its typography; which one is the default, and which is the law's own (the language
// legal terms are shown in beside the reader's). Adding a language is a folder locales/<code>/ and
// an entry there: nothing in the code names a language. Pure.
import config from '../../locales/languages.json' with { type: 'json' };

/** The punctuation that joins texts, which differs between languages. */
export interface Typography {
  /** Between the items of a list of words: ", " / "、". */
  list: string;
  /** Between the items of a list of phrases that may hold commas themselves: "; " / "、". */
  phraseList: string;
  /** Between two sentences: " " / "" (Japanese writes them without a space). */
  sentences: string;
  /** Around an aside after a sentence: " (…)" / "（…）". */
  aside: { open: string; close: string };
  /** Between a label and its detail: "label — detail" / "label：detail". */
  labelled: string;
  /** After a label before what it labels: "label: " / "label：". */
  colon: string;
  /** Around a quoted text: “…” / 「…」. */
  quotes: { open: string; close: string };
}

export interface Language {
  /** ISO 639 code: the folder locales/<code>/, the address prefix /<code>/ and `?lang=<code>`. */
  code: string;
  /** The language's name in its own script, for the language switch ("English", "日本語"). */
  name: string;
  /** The Intl locale dates are written in ("en-GB": 27 March 1997; "ja-JP": 1997年3月27日). */
  dateLocale: string;
  typography: Typography;
}

export interface LanguagesFile {
  /** The language of the unprefixed address, and of a person whose browser prefers none of them. */
  default: string;
  /** The law's own language: legal terms are shown in it beside the reader's. */
  law: string;
  languages: Language[];
}

const file: LanguagesFile = config;

export const LANGUAGES: readonly Language[] = file.languages;
/** The configured language codes, in the file's order (the language switch's order). */
export const LANGS: readonly string[] = LANGUAGES.map((l) => l.code);
export const DEFAULT_LANG: string = file.default;
export const LAW_LANG: string = file.law;

/** Whether `v` is the code of a configured language. */
export const isLang = (v: unknown): v is string => typeof v === 'string' && LANGS.includes(v);

/**
 * The entry of a language: by its code, or by the first part of a tag (ja-JP → ja); the default
 * language's for any other.
 */
export function languageOf(lang: string): Language {
  const base = lang.toLowerCase().split('-')[0];
  return (
    LANGUAGES.find((l) => l.code === lang) ??
    LANGUAGES.find((l) => l.code === base) ??
    (LANGUAGES.find((l) => l.code === DEFAULT_LANG) as Language)
  );
}

export const typographyOf = (lang: string): Typography => languageOf(lang).typography;

/** Whether `lang` is the law's own language. */
export const isLawLanguage = (lang: string): boolean => languageOf(lang).code === LAW_LANG;

/**
 * The language legal texts are shown in beside `lang` (the results' second title, the sheet's
 * second column): the law's own, or for a reader of the law's language, the default language.
 */
export const partnerOf = (lang: string): string => (isLawLanguage(lang) ? DEFAULT_LANG : LAW_LANG);
