// The scrivener view's state: whether it is on (`teiju.pro`) and the "as of" date chosen for the
// screening (`teiju.asOf`, e.g. an intended application date), both in session storage through
// storage.ts's never-throwing helpers. On the first page (the app shell reads it); the check of
// a typed as-of date is in src/app/forms/schema.ts (asOfSchema), with the scrivener view's code.
import { isValidDateOnce } from '../../engine/calendar';
import { ASOF_KEY, PRO_KEY, readItem, writeItem } from './storage';

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
  return v !== null && isValidDateOnce(v) ? v : undefined;
}

/** Stores the chosen as-of date; undefined (today's date) removes it. */
export function writeAsOf(storage: StorageLike | null, iso: string | undefined): void {
  writeItem(storage, ASOF_KEY, iso);
}
