// The scrivener view's state: whether it is on (`teiju.pro`) and the "as of" date chosen for the
// screening (`teiju.asOf`, e.g. an intended application date), both in session storage through
// storage.ts's never-throwing helpers; and the check of a typed as-of date. Pure apart
// from the storage object it is given.
import { checkConsistency } from '../engine/answers';
import { isValidDate } from '../engine/dates';
import type { Answers, RuleSet } from '../engine/types';
import { ASOF_KEY, PRO_KEY, readItem, writeItem } from './storage';
import { checkDateFields, DATE_PARTS, type DateFields, type DateFieldsCheck } from './date-fields';

export { ASOF_KEY, PRO_KEY };

type StorageLike = Parameters<typeof readItem>[0];

export function readPro(storage: StorageLike | null): boolean {
  return readItem(storage, PRO_KEY) === '1';
}

export function writePro(storage: StorageLike | null, on: boolean): void {
  writeItem(storage, PRO_KEY, on ? '1' : undefined);
}

/** The stored as-of date, if it is a real date written YYYY-MM-DD (anything else is ignored). */
export function readAsOf(storage: StorageLike | null): string | undefined {
  const v = readItem(storage, ASOF_KEY);
  return v !== null && isValidDate(v) ? v : undefined;
}

/** Stores the chosen as-of date; undefined (today's date) removes it. */
export function writeAsOf(storage: StorageLike | null, iso: string | undefined): void {
  writeItem(storage, ASOF_KEY, iso);
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
