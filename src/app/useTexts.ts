// The one way a language's texts are loaded into the page: the shell for the interface language,
// the results page for the English titles beside the Japanese ones, the sheet for its second
// language. Each asks through the app's `ensureLanguage` (src/app/i18n.ts, ensureLocale).
import { useEffect, useReducer, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { hasTexts, type Lang } from './i18n';

export type TextsState = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * Whether a language's texts are all there, loading them while `wanted`: 'idle' (not wanted and
 * not there), 'loading', 'ready' or 'failed'. A failed load is tried again when wanted anew.
 */
export function useTexts(i18n: I18n, lang: Lang, ensure: (lang: Lang) => Promise<void>, wanted = true): TextsState {
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const [failed, setFailed] = useState<Lang | undefined>();
  const [wasWanted, setWasWanted] = useState(wanted);
  if (wanted !== wasWanted) {
    setWasWanted(wanted);
    if (wanted) setFailed(undefined);
  }
  const ready = hasTexts(i18n, lang);
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
