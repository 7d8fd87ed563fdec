import { createContext, useContext } from 'react';
import type { AnswerValue, Answers, RuleSet } from '../engine/types';
import type { Lang } from './i18n';
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
  /** The engine's nextQuestions for the current answers. */
  next: string[];
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
  /** The tab's session storage (null where blocked), for what a page keeps beside the answers. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <App>');
  return ctx;
}
