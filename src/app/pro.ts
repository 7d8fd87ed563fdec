// The scrivener view's state: whether it is on (`teiju.pro`) and the "as of" date chosen for the
// screening (`teiju.asOf`, e.g. an intended application date), both in session storage with the
// same never-throwing helpers as storage.ts; and the check of a typed as-of date. Pure apart
// from the storage object it is given.
import { checkConsistency } from '../engine/answers';
import { isValidDate } from '../engine/dates';
import type { Answers, RuleSet } from '../engine/types';
import { normaliseDigits } from './format';
import type { DatePart } from './schema';

// Not imported from schema.ts: the app shell reads this module on the first page, the question
// page's form schemas load later.
const DATE_PARTS: DatePart[] = ['year', 'month', 'day'];

export const PRO_KEY = 'teiju.pro';
export const ASOF_KEY = 'teiju.asOf';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function read(storage: StorageLike | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: StorageLike | null, key: string, value: string | undefined): void {
  try {
    if (value === undefined) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    /* storage full or blocked: remembered until the page is left */
  }
}

export function readPro(storage: StorageLike | null): boolean {
  return read(storage, PRO_KEY) === '1';
}

export function writePro(storage: StorageLike | null, on: boolean): void {
  write(storage, PRO_KEY, on ? '1' : undefined);
}

/** The stored as-of date, if it is a real date written YYYY-MM-DD (anything else is ignored). */
export function readAsOf(storage: StorageLike | null): string | undefined {
  const v = read(storage, ASOF_KEY);
  return v !== null && isValidDate(v) ? v : undefined;
}

/** Stores the chosen as-of date; undefined (today's date) removes it. */
export function writeAsOf(storage: StorageLike | null, iso: string | undefined): void {
  write(storage, ASOF_KEY, iso);
}

export interface AsOfFields {
  year: string;
  month: string;
  day: string;
}

export type AsOfCheck =
  { ok: true; iso: string } | { ok: false; key: string; params?: Record<string, string | string[]>; parts: DatePart[] };

/**
 * Checks a typed as-of date: a real date (the same messages as the date questions), and not
 * before a date already answered that must not lie in the future (a birth, a marriage…), since
 * the answers would then contradict the date they are screened on.
 */
export function checkAsOf(fields: AsOfFields, set: RuleSet, answers: Answers): AsOfCheck {
  const raw = {
    year: normaliseDigits(fields.year),
    month: normaliseDigits(fields.month),
    day: normaliseDigits(fields.day),
  };
  const missing = DATE_PARTS.filter((p) => raw[p] === '');
  if (missing.length === 3) return { ok: false, key: 'ui.errors.dateRequired', parts: DATE_PARTS };
  if (missing.length) return { ok: false, key: 'ui.errors.dateMissing', params: { parts: missing }, parts: missing };
  const notNumber = DATE_PARTS.filter((p) => !/^\d+$/.test(raw[p]));
  if (notNumber.length) return { ok: false, key: 'ui.errors.dateNotNumber', parts: notNumber };
  if (raw.year.length !== 4) return { ok: false, key: 'ui.errors.yearFourDigits', parts: ['year'] };
  const month = Number(raw.month);
  if (month < 1 || month > 12) return { ok: false, key: 'ui.errors.dateReal', parts: ['month'] };
  const year = Number(raw.year);
  if (year < 1800 || year > 2200) return { ok: false, key: 'ui.errors.dateReal', parts: ['year'] };
  const two = (n: string) => String(Number(n)).padStart(2, '0');
  const iso = `${raw.year}-${two(raw.month)}-${two(raw.day)}`;
  if (!isValidDate(iso)) return { ok: false, key: 'ui.errors.dateReal', parts: ['day'] };
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
