// Dates as people read them, and the time between two dates. Pure.
import { addDays, addDuration } from '../engine';
import { languageOf } from './languages';

/** "27 March 1997" / 「1997年3月27日」 (the language's date locale), from an ISO date, with no time-zone shift. */
export function formatDate(iso: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return formatterOf(languageOf(lang).dateLocale).format(date);
}

// Making an Intl.DateTimeFormat costs far more than using one (a results page formats dozens of
// dates): one per date locale.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(locale: string): Intl.DateTimeFormat {
  let f = formatters.get(locale);
  if (!f)
    formatters.set(
      locale,
      (f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })),
    );
  return f;
}

export interface Span {
  years: number;
  months: number;
  days: number;
}

/** Whole years, months and days from `from` to `to` (ISO dates, `from` ≤ `to`). */
export function spanBetween(from: string, to: string): Span {
  if (to < from) return { years: 0, months: 0, days: 0 };
  let months = 0;
  while (addDuration(from, { years: 0, months: months + 1, days: 0 }) <= to) months++;
  const base = addDuration(from, { years: 0, months, days: 0 });
  let days = 0;
  while (addDays(base, days + 1) <= to) days++;
  return { years: Math.floor(months / 12), months: months % 12, days };
}

/**
 * The length of a window whose last day is `last`: "6 months" rather than "5 months 30 days"
 * when the window ends the day before the anniversary.
 */
export function windowSpan(from: string, last: string): Span {
  const plain = spanBetween(from, last);
  if (!plain.days) return plain;
  const next = spanBetween(from, addDays(last, 1));
  return next.days ? plain : next;
}
