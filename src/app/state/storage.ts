// Session storage of the journey: `{ version: 1, rulesHash, answers, path }`. A reload keeps the
// journey, a closed tab forgets it. What is read back is re-validated with the engine's
// parseAnswers, one answer at a time: every answer that passes on its own is kept (then the
// later of two contradicting dates goes), and the page that opens says what could not be
// restored. Only a journey that cannot be read at all is refused as a whole. Never throws.
// Reading it back (loadJourney) needs the engine: it is in storage-load.ts, which loads with the
// engine after the first page.
import type { Answers, RuleSet } from '../../engine/types';
import type { Journey } from './journey-steps';

export const STORAGE_KEY = 'teiju.journey';
export const LANG_KEY = 'teiju.lang';
/** Every key the tool stores, in sessionStorage or localStorage, starts with this. */
export const KEY_PREFIX = 'teiju.';
export const STORAGE_VERSION = 1;

export interface StoredJourney {
  version: typeof STORAGE_VERSION;
  rulesHash: string;
  answers: Answers;
  path: string[];
}

/**
 * `refused`: the stored journey could not be read at all. `migrated`: it was saved under older
 * rules; `damaged`: under these rules, but some answers did not validate. `facts`: the questions
 * of the catalogue whose answers were removed (answers to unknown questions are only counted).
 */
export type LoadNotice =
  { kind: 'migrated' | 'damaged'; kept: number; dropped: number; facts: string[] } | { kind: 'refused' };

export interface Loaded {
  journey: Journey;
  notice?: LoadNotice;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function safeStorage(): StorageLike | null {
  try {
    const s = window.sessionStorage;
    const probe = '__teiju_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

/** One stored value; null when absent, or when storage is blocked. Never throws. */
export function readItem(storage: StorageLike | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores a value, or removes it when undefined. Never throws: when storage is full or blocked, the value lasts until the page is left. */
export function writeItem(storage: StorageLike | null, key: string, value: string | undefined): void {
  try {
    if (value === undefined) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    /* storage full or blocked */
  }
}

export function readLang(storage: StorageLike | null): string | null {
  return readItem(storage, LANG_KEY);
}

export function writeLang(storage: StorageLike | null, lang: string): void {
  writeItem(storage, LANG_KEY, lang);
}

export function saveJourney(storage: StorageLike | null, set: RuleSet, journey: Journey): void {
  const stored: StoredJourney = {
    version: STORAGE_VERSION,
    rulesHash: set.version.hash,
    answers: journey.answers,
    path: journey.path,
  };
  try {
    if (!journey.path.length && !Object.keys(journey.answers).length) storage?.removeItem(STORAGE_KEY);
    else storage?.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    /* storage full or blocked: the journey lasts until the page is left */
  }
}

/** A storage whose keys can be listed (window.sessionStorage / localStorage). */
export type ListableStorage = StorageLike & { readonly length?: number; key?: (index: number) => string | null };

/**
 * Removes every key with the tool's prefix except `keep`. A storage that cannot list its keys
 * loses the keys this module knows. Never throws.
 */
export function removeStoredKeys(storage: ListableStorage | null, keep: readonly string[] = []): void {
  if (!storage) return;
  try {
    let keys = [STORAGE_KEY, LANG_KEY];
    if (typeof storage.length === 'number' && typeof storage.key === 'function') {
      keys = [];
      for (let i = 0; i < storage.length; i++) keys.push(storage.key(i) ?? '');
    }
    for (const k of keys) if (k.startsWith(KEY_PREFIX) && !keep.includes(k)) storage.removeItem(k);
  } catch {
    /* blocked storage: nothing to clear */
  }
}

/** The tab's localStorage, or null where it is blocked. */
export function safeLocalStorage(): ListableStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The scrivener view's keys (src/app/state/scrivener.ts): whether it is on, and the as-of date chosen. */
export const PRO_KEY = 'teiju.pro';
export const ASOF_KEY = 'teiju.asOf';

/** The index of the tool's first entry in this tab's history, for "Exit this page" (quickExit.ts). */
export const HISTORY_KEY = 'teiju.history';

/** Display preferences and the exit's bookkeeping, which outlive "Clear my answers" (not "Exit this page"). */
const PREFERENCE_KEYS = [LANG_KEY, PRO_KEY, HISTORY_KEY];

/**
 * "Clear my answers": everything the tool stored, in both storages (the answers, the as-of date
 * chosen for them), except the display preferences.
 */
export function clearJourney(storage: StorageLike | null): void {
  removeStoredKeys(storage, PREFERENCE_KEYS);
  removeStoredKeys(safeLocalStorage(), PREFERENCE_KEYS);
}
