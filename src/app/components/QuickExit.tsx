import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quickExit, shiftCounter } from '../state/quickExit';
import type { ListableStorage } from '../state/storage';

const SHIFT_WINDOW_MS = 1000;

/**
 * "Exit this page" (the GOV.UK pattern), on every page from the first: a person may need to
 * leave before any sensitive question appears, and a control that appears later would itself
 * tell an onlooker something. The button, or Shift pressed three times, clears what the tool
 * stored and replaces the page with an ordinary site (src/app/state/quickExit.ts).
 */
export function QuickExit({ storage }: { storage: ListableStorage | null }) {
  const { t } = useTranslation();
  const hintId = useId();
  const [pressed, setPressed] = useState(0);

  const exit = useCallback(() => quickExit(storage), [storage]);

  useEffect(() => {
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
  }, [exit]);

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
