// A date typed as year, month and day fields: the checks and messages every date entry shares
// (the date questions and the scrivener's as-of date). Pure and without zod: the question page's
// zod schemas and the scrivener view's as-of form both call it.
import { checkConsistency } from '../engine/answers';
import { isValidDate } from '../engine/dates';
import type { Answers, RuleSet } from '../engine/types';
import { normaliseDigits } from './format';

export type DatePart = 'year' | 'month' | 'day';
export const DATE_PARTS: DatePart[] = ['year', 'month', 'day'];

export interface DateFields {
  year: string;
  month: string;
  day: string;
}

/** A problem as a packed-message key, its parameters and the fields to mark. */
export interface DateFieldsProblem {
  key: string;
  params?: Record<string, string | string[]>;
  parts: DatePart[];
}

export type DateFieldsCheck = { ok: true; iso: string } | ({ ok: false } & DateFieldsProblem);

/** The ISO date typed into the three fields (not checked). */
export function isoOf(v: DateFields): string {
  const y = normaliseDigits(v.year);
  const m = normaliseDigits(v.month);
  const d = normaliseDigits(v.day);
  return `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The three fields of an ISO date (empty ones for anything else). */
export function fieldsOf(iso: unknown): DateFields {
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return { year: '', month: '', day: '' };
  return { year: m[1]!, month: String(Number(m[2])), day: String(Number(m[3])) };
}

/** Checks that the fields hold a real date, years 1800–2200; the first problem found, by field. */
export function checkDateFields(fields: DateFields): DateFieldsCheck {
  const raw = {
    year: normaliseDigits(fields.year),
    month: normaliseDigits(fields.month),
    day: normaliseDigits(fields.day),
  };
  const fail = (key: string, parts: DatePart[], params?: Record<string, string | string[]>): DateFieldsCheck =>
    params ? { ok: false, key, parts, params } : { ok: false, key, parts };
  const missing = DATE_PARTS.filter((p) => raw[p] === '');
  if (missing.length === 3) return fail('ui.errors.dateRequired', DATE_PARTS);
  if (missing.length) return fail('ui.errors.dateMissing', missing, { parts: missing });
  const notNumber = DATE_PARTS.filter((p) => !/^\d+$/.test(raw[p]));
  if (notNumber.length) return fail('ui.errors.dateNotNumber', notNumber);
  if (raw.year.length !== 4) return fail('ui.errors.yearFourDigits', ['year']);
  const month = Number(raw.month);
  if (month < 1 || month > 12) return fail('ui.errors.dateReal', ['month']);
  const year = Number(raw.year);
  if (year < 1800 || year > 2200) return fail('ui.errors.dateReal', ['year']);
  const iso = isoOf(raw);
  if (!isValidDate(iso)) return fail('ui.errors.dateReal', ['day']);
  return { ok: true, iso };
}

/**
 * Checks a typed as-of date: a real date (the same messages as the date questions), and not
 * before a date already answered that must not lie in the future (a birth, a marriage…), since
 * the answers would then contradict the date they are screened on.
 */
export function checkAsOf(fields: DateFields, set: RuleSet, answers: Answers): DateFieldsCheck {
  const date = checkDateFields(fields);
  if (!date.ok) return date;
  const iso = date.iso;
  const future = checkConsistency(set, answers, iso).find((e) => e.code === 'future');
  if (future)
    return {
      ok: false,
      key: 'ui.pro.asOf.beforeAnswer',
      params: { other: future.path, date: String(answers[future.path]) },
      parts: DATE_PARTS,
    };
  return { ok: true, iso };
}
