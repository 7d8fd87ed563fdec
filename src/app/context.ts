import { createContext, useContext, useEffect, useReducer, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import type { AnswerValue, Answers, RuleSet } from '../engine/types';
import { hasTexts, type Lang, type LoadLocale } from './i18n';
import type { Journey } from './state/journey';
import type { Route } from './state/router';

export interface AppState {
  ruleSet: RuleSet;
  /** The date the answers are screened on: today's date, or the one chosen in the scrivener view. */
  asOf: string;
  /** Today's date (the as-of date when none is chosen; the date a sheet is printed). */
  today: string;
  /** Chooses the as-of date (undefined: back to today's date); remembered in the tab, cleared with the answers. */
  setAsOf: (iso: string | undefined) => void;
  /** Whether the scrivener view is on (rule ids, full citations and traces, any question open). */
  pro: boolean;
  setPro: (on: boolean) => void;
  journey: Journey;
  /**
   * The engine's nextQuestions for the current answers, worked out when a page first asks (and
   * kept per answers): the start page and the results do not need it, and it is the engine's
   * costliest call.
   */
  next: () => string[];
  /**
   * A prerendered question or results page drawn before the rules and the texts (and a share
   * link's answers) have arrived (App's seed): no answers yet, no progress and no screening to show.
   */
  pending: boolean;
  /**
   * A prerendered question not yet hydrated: its form is inert until then, as a choice made before
   * the app has the page would be lost when react-hook-form takes the inputs over.
   */
  prerendered: boolean;
  /** Said by a seeded page once it has hydrated: the rules may then change what it shows. */
  hydrated: () => void;
  lang: Lang;
  /** Whether a page should focus its heading when it mounts (every page but the first one). */
  focusHeading: boolean;
  go: (route: Route, opts?: { replace?: boolean }) => void;
  /** `changed`: on a question a change opened, the answer changed (passed on to the next one). */
  answer: (factId: string, value: AnswerValue, returnTo?: 'check', changed?: string) => void;
  clear: () => void;
  /** Replaces the answers with imported ones (a file or a share link) and goes to check your answers. */
  importAnswers: (answers: Answers, from: 'file' | 'link') => void;
  switchLanguage: (lang: Lang) => void;
  /** The other language's texts, loaded on demand (for titles in both scripts). */
  ensureLanguage: (lang: Lang) => Promise<void>;
  /** Loads a part of a language's texts (i18n.ts loadLocale; the rule details: rule-details.tsx). */
  loadLocale: LoadLocale;
  /** The tab's session storage (null where blocked), for what a page keeps beside the answers. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

export const AppContext = createContext<AppState | null>(null);

/**
 * The app's context value, kept the same object while every part of it is the same (so the pages
 * render again only when something they read changed): a new one when any part changes.
 */
export function useAppState(parts: AppState): AppState {
  const [state, setState] = useState(parts);
  const same = (Object.keys(parts) as (keyof AppState)[]).every((k) => Object.is(parts[k], state[k]));
  if (same) return state;
  setState(parts);
  return parts;
}

export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <App>');
  return ctx;
}

// The one way a language's texts are loaded into the page: the shell for the interface language,
// the results page for the English titles beside the Japanese ones, the sheet for its second
// language, each asking through the app's `ensureLanguage` (ensureLocale in i18n.ts); the rule
// details through useDetails (rule-details.tsx), which asks for the texts with them.
export type TextsState = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * Whether a language's texts are there (`has`), loading them while `wanted`: 'idle' (not wanted
 * and not there), 'loading', 'ready' or 'failed'. A failed load is tried again when wanted anew.
 */
export function useTexts(
  i18n: I18n,
  lang: Lang,
  ensure: (lang: Lang) => Promise<void>,
  wanted = true,
  has = hasTexts,
): TextsState {
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const [failed, setFailed] = useState<Lang | undefined>();
  const [wasWanted, setWasWanted] = useState(wanted);
  if (wanted !== wasWanted) {
    setWasWanted(wanted);
    if (wanted) setFailed(undefined);
  }
  const ready = has(i18n, lang);
  useEffect(() => {
    if (ready || !wanted) return;
    let live = true;
    ensure(lang).then(
      () => live && loaded(),
      () => live && setFailed(lang),
    );
    return () => {
      live = false;
    };
  }, [i18n, lang, ensure, ready, wanted]);
  if (ready) return 'ready';
  if (!wanted) return 'idle';
  return failed === lang ? 'failed' : 'loading';
}
