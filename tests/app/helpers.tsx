// Renders the whole wizard in jsdom with the compiled rules and texts (the Vite plugin runs under
// Vitest), a fresh i18next instance and an in-memory session storage.
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ruleSet from 'virtual:teiju/rules';
import en from 'virtual:teiju/locale/en';
import ja from 'virtual:teiju/locale/ja';
import { nextQuestions } from '../../src/engine/questions';
import type { Answers, Fact } from '../../src/engine/types';
import { App } from '../../src/app/App';
import { createI18n, type Lang } from '../../src/app/i18n';
import { STORAGE_KEY } from '../../src/app/state/storage';
import { preloadPages } from '../../src/app/pages/lazy';

export { ruleSet, en, ja };

// The lazily loaded pages render synchronously once loaded, as after the idle preload in the browser.
await preloadPages();
export const ASOF = '2026-11-23';

export function memoryStorage(init: Record<string, string> = {}) {
  const data = new Map(Object.entries(init));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, String(v)),
    removeItem: (k: string) => void data.delete(k),
    // Listable like window.sessionStorage (clearing by the `teiju.` prefix lists the keys).
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    data,
  };
}
export type MemoryStorage = ReturnType<typeof memoryStorage>;

export function stored(storage: MemoryStorage): { answers: Answers; path: string[] } | null {
  const raw = storage.getItem(STORAGE_KEY);
  return raw ? (JSON.parse(raw) as { answers: Answers; path: string[] }) : null;
}

export function storeJourney(storage: MemoryStorage, answers: Answers, path = Object.keys(answers), hash?: string) {
  storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, rulesHash: hash ?? ruleSet.version.hash, answers, path }));
}

const bundles: Record<Lang, Record<string, unknown>> = { en, ja };

export function renderApp(opts: { path?: string; lang?: Lang; answers?: Answers; storage?: MemoryStorage } = {}) {
  const lang = opts.lang ?? 'en';
  const storage = opts.storage ?? memoryStorage();
  if (opts.answers) storeJourney(storage, opts.answers);
  window.history.replaceState(null, '', opts.path ?? '/');
  const i18n = createI18n(lang, { [lang]: bundles[lang]! });
  const user = userEvent.setup();
  const utils = render(
    <App
      ruleSet={ruleSet}
      i18n={i18n}
      asOf={ASOF}
      storage={storage}
      loadLocale={(l) => Promise.resolve(bundles[l]!)}
    />,
  );
  return { ...utils, user, storage, i18n };
}

export function fact(id: string): Fact {
  const f = ruleSet.facts.find((x) => x.id === id);
  if (!f) throw new Error(`no fact ${id}`);
  return f;
}

/** The first fact of a type that the wizard would ask with no answers (rules change; tests should not). */
export function askableFact(pred: (f: Fact) => boolean, answers: Answers = {}): Fact {
  const open = nextQuestions(ruleSet, answers, ASOF);
  const f = ruleSet.facts.find((x) => open.includes(x.id) && pred(x));
  if (!f) throw new Error('no askable fact of that kind');
  return f;
}

/** The text of a key in a compiled bundle. */
export function text(bundle: Record<string, unknown>, key: string): string {
  let cur: unknown = bundle;
  for (const k of key.split('.')) cur = (cur as Record<string, unknown>)?.[k];
  if (typeof cur !== 'string') throw new Error(`no text ${key}`);
  return cur;
}
