// Session storage of the journey: `{ version: 1, rulesHash, answers, path }`. A reload keeps the
// journey, a closed tab forgets it. What is read back is re-validated with the engine's
// parseAnswers; a journey saved under older rules keeps the answers that still validate, and
// anything unreadable is refused with a message. Never throws.
import { checkConsistency, checkValue, parseAnswers } from '../engine/answers';
import type { Answers, RuleSet } from '../engine/types';
import { emptyJourney, type Journey } from './journey-basics';
import { pathInOrder } from './transfer-basics';

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

export type LoadNotice = { kind: 'migrated'; kept: number; dropped: number } | { kind: 'refused' };

export interface Loaded {
  journey: Journey;
  notice?: LoadNotice;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function pathFor(raw: unknown, answers: Answers, set: RuleSet): string[] {
  const given = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  const path = [...new Set(given)].filter((id) => answers[id] !== undefined);
  // Answers missing from the path go after it, in question order.
  return [...path, ...pathInOrder(set, answers).filter((id) => !path.includes(id))];
}

export function loadJourney(storage: StorageLike | null, set: RuleSet, asOf: string): Loaded {
  const raw = readItem(storage, STORAGE_KEY);
  if (raw === null) return { journey: emptyJourney() };
  try {
    const data = JSON.parse(raw) as unknown;
    if (!isRecord(data) || data.version !== STORAGE_VERSION || !isRecord(data.answers))
      return { journey: emptyJourney(), notice: { kind: 'refused' } };
    const given = data.answers;
    const total = Object.keys(given).length;

    if (data.rulesHash === set.version.hash) {
      const parsed = parseAnswers(set, { version: 1, answers: given }, asOf);
      if (!parsed.ok) return { journey: emptyJourney(), notice: { kind: 'refused' } };
      return { journey: { answers: parsed.answers, path: pathFor(data.path, parsed.answers, set) } };
    }

    if (total === 0) return { journey: emptyJourney() };
    // Older rules: keep each answer that still fits the question catalogue, then drop contradictions.
    const byId = new Map(set.facts.map((f) => [f.id, f]));
    const kept: Answers = {};
    for (const [id, value] of Object.entries(given)) {
      const fact = byId.get(id);
      if (fact && !checkValue(fact, value, id)) kept[id] = value as string | number;
    }
    for (const e of checkConsistency(set, kept, asOf)) delete kept[e.path];
    const parsed = parseAnswers(set, { version: 1, answers: kept }, asOf);
    if (!parsed.ok || (total > 0 && Object.keys(parsed.answers).length === 0))
      return { journey: emptyJourney(), notice: { kind: 'refused' } };
    const answers = parsed.answers;
    const keptCount = Object.keys(answers).length;
    return {
      journey: { answers, path: pathFor(data.path, answers, set) },
      notice: { kind: 'migrated', kept: keptCount, dropped: total - keptCount },
    };
  } catch {
    return { journey: emptyJourney(), notice: { kind: 'refused' } };
  }
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

/** The scrivener view's keys (src/app/pro.ts): whether it is on, and the as-of date chosen. */
export const PRO_KEY = 'teiju.pro';
export const ASOF_KEY = 'teiju.asOf';

/** Display preferences, which outlive "Clear my answers" (not "Exit this page"). */
const PREFERENCE_KEYS = [LANG_KEY, PRO_KEY];

/**
 * "Clear my answers": everything the tool stored, in both storages (the answers, the as-of date
 * chosen for them), except the display preferences.
 */
export function clearJourney(storage: StorageLike | null): void {
  removeStoredKeys(storage, PREFERENCE_KEYS);
  removeStoredKeys(safeLocalStorage(), PREFERENCE_KEYS);
}
