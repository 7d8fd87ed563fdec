import { createContext, useContext } from 'react';
import type { AnswerValue, RuleSet } from '../engine/types';
import type { Lang } from './i18n';
import type { Journey } from './journey';
import type { Route } from './router';

export interface AppState {
  ruleSet: RuleSet;
  asOf: string;
  journey: Journey;
  /** The engine's nextQuestions for the current answers. */
  next: string[];
  lang: Lang;
  /** Whether a page should focus its heading when it mounts (every page but the first one). */
  focusHeading: boolean;
  go: (route: Route, opts?: { replace?: boolean }) => void;
  answer: (factId: string, value: AnswerValue, returnTo?: 'check') => void;
  clear: () => void;
  switchLanguage: (lang: Lang) => void;
  /** The other language's texts, loaded on demand (for titles in both scripts). */
  ensureLanguage: (lang: Lang) => Promise<void>;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <App>');
  return ctx;
}
