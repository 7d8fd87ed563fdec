import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadedEngine } from '../useRules';
import { useApp } from '../context';
import { quickExit, shiftCounter } from '../quickExit';
import type { Route } from '../router';
import { sensitiveReason } from '../sensitive';
import type { ListableStorage } from '../storage';

const SHIFT_WINDOW_MS = 1000;

/**
 * "Exit this page" (the GOV.UK pattern): shown once a sensitive topic has appeared, then on
 * every page for the rest of the page's life. The button, or Shift pressed three times, clears
 * what the tool stored and replaces the page with a neutral one (src/app/quickExit.ts).
 */
export function QuickExit({ route, storage }: { route: Route; storage: ListableStorage | null }) {
  const { t } = useTranslation();
  const { ruleSet, journey, asOf } = useApp();
  const hintId = useId();
  const [seen, setSeen] = useState(false);
  const [pressed, setPressed] = useState(0);

  const onResults = route.page === 'results' || route.page === 'sheet';
  const results = onResults && !seen ? loadedEngine()?.screenFor(ruleSet, journey.answers, asOf).results : undefined;
  const now = !seen && sensitiveReason(ruleSet, { route, answers: journey.answers, results }) !== undefined;
  // Once shown, it stays (adjusting state while rendering: no flash without the control).
  if (now) setSeen(true);
  const shown = seen || now;

  const exit = useCallback(() => quickExit(storage), [storage]);

  useEffect(() => {
    if (!shown) return;
    let reset: ReturnType<typeof setTimeout> | undefined;
    const counter = shiftCounter({
      windowMs: SHIFT_WINDOW_MS,
      onTriple: exit,
      onCount: (n) => {
        setPressed(n);
        clearTimeout(reset);
        if (n) reset = setTimeout(() => setPressed(0), SHIFT_WINDOW_MS);
      },
    });
    const down = (e: KeyboardEvent) => counter.keydown(e);
    const up = (e: KeyboardEvent) => counter.keyup(e);
    window.addEventListener('keydown', down, true);
    window.addEventListener('keyup', up, true);
    return () => {
      clearTimeout(reset);
      window.removeEventListener('keydown', down, true);
      window.removeEventListener('keyup', up, true);
    };
  }, [shown, exit]);

  if (!shown) return null;
  return (
    <div className="quick-exit" data-quick-exit="">
      <div className="width-container quick-exit__inner">
        <button
          type="button"
          className="button button--warning quick-exit__button"
          aria-describedby={hintId}
          onClick={exit}
        >
          {t('ui.exit.button')}
        </button>
        <p className="quick-exit__hint" id={hintId}>
          {t('ui.exit.hint')}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {pressed > 0 ? t('ui.exit.pressMore', { count: 3 - pressed }) : ''}
        </p>
      </div>
    </div>
  );
}
