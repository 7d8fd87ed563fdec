// The one thing the presentation helpers need from i18next: a function from a text key (and
// interpolation values) to a string. The CLI wraps `i18n.t`; the React app can pass its `t`. And the
// punctuation that joins texts, from each language's typography in locales/languages.json.
import { typographyOf } from './languages';
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Joins display items as "A, B, or C" / 「A、B、またはC」 in the given language. */
export function orList(items: string[], lang: string): string {
  return new Intl.ListFormat(lang, { type: 'disjunction' }).format(items);
}

/** Joins display items as "A, B, C" / 「A、B、C」 in the given language. */
export function plainList(items: string[], lang: string): string {
  return items.join(typographyOf(lang).list);
}

/** Joins phrases that may hold commas themselves: "A; B" / 「A、B」. */
export function phraseList(items: string[], lang: string): string {
  return items.join(typographyOf(lang).phraseList);
}

/** Sentences one after the other: with a space in English, without in Japanese. */
export function sentences(items: string[], lang: string): string {
  return items.join(typographyOf(lang).sentences);
}

/** An aside after a sentence: " (aside)" in English, "（aside）" in Japanese (full-width, as the Digital Agency writes it). */
export function aside(text: string, lang: string): string {
  const { open, close } = typographyOf(lang).aside;
  return `${open}${text}${close}`;
}

/** A label and its detail: "label — detail" in English, "label：detail" in Japanese. */
export function labelled(label: string, detail: string, lang: string): string {
  return `${label}${typographyOf(lang).labelled}${detail}`;
}

/** A label before what it labels: "label: " in English, "label：" in Japanese. */
export function colon(label: string, lang: string): string {
  return `${label}${typographyOf(lang).colon}`;
}

/** A quoted text: “text” in English, 「text」 in Japanese. */
export function quoted(text: string, lang: string): string {
  const { open, close } = typographyOf(lang).quotes;
  return `${open}${text}${close}`;
}
