// A date typed as year, month and day fields: the checks every date entry shares (the date
// questions and the scrivener's as-of date, both through schema.ts). Pure and without zod.
import { isValidDate } from '../../engine/dates';
import { normaliseDigits } from '../format';

export type DatePart = 'year' | 'month' | 'day';
export const DATE_PARTS: DatePart[] = ['year', 'month', 'day'];

export interface DateFields {
  year: string;
  month: string;
  day: string;
}

/** A problem with a form's answer: an i18next key, its parameters, and the date fields to mark. */
export interface FormIssue {
  key: string;
  params?: Record<string, string | string[]>;
}

export type DateFieldsCheck = { ok: true; iso: string } | ({ ok: false; parts: DatePart[] } & FormIssue);

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
