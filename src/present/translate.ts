// The one thing the presentation helpers need from i18next: a function from a text key (and
// interpolation values) to a string. The CLI wraps `i18n.t`; the React app can pass its `t`.
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Joins display items as "A, B, or C" / 「A、B、またはC」 in the given language. */
export function orList(items: string[], lang: string): string {
  return new Intl.ListFormat(lang, { type: 'disjunction' }).format(items);
}

/** Joins display items as "A, B, C" / 「A、B、C」 in the given language. */
export function plainList(items: string[], lang: string): string {
  return items.join(lang.startsWith('ja') ? '、' : ', ');
}

/** An aside after a sentence: " (aside)" in English, "（aside）" in Japanese (full-width, as the Digital Agency writes it). */
export function aside(text: string, lang: string): string {
  return lang.startsWith('ja') ? `（${text}）` : ` (${text})`;
}

/** A label and its detail: "label — detail" in English, "label：detail" in Japanese. */
export function labelled(label: string, detail: string, lang: string): string {
  return lang.startsWith('ja') ? `${label}：${detail}` : `${label} — ${detail}`;
}

/** A label before what it labels: "label: " in English, "label：" in Japanese. */
export function colon(label: string, lang: string): string {
  return lang.startsWith('ja') ? `${label}：` : `${label}: `;
}
