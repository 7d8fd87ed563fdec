// The rest of the categories' texts: each one's summary, conditions, notes, documents and what to
// do next, and the conditions rules share (the `details` part of a language's texts,
// src/rules-compiler/vite-plugin.ts). The results page draws its headline without them and asks
// for them then; the sheet waits for them (hasDetails, ensureDetails: i18n.ts).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useTexts, type TextsState } from './context';
import { ensureDetails, hasDetails, type Lang } from './i18n';

/**
 * After the page's next paint (the frame after it, as the page's loader waits): what the page
 * draws meanwhile (the results' headline) goes first.
 */
const afterPaint = () =>
  new Promise<void>((done) =>
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))
      : setTimeout(done),
  );

/**
 * Whether a language's rule details are there, loading them (and its texts) while `wanted`; asked
 * for after the next paint, so that neither their download nor their parsing delays it.
 */
export function useDetails(lang: Lang, wanted = true): TextsState {
  const { i18n } = useTranslation();
  const { loadLocale: load } = useApp();
  const ensure = useCallback((l: Lang) => afterPaint().then(() => ensureDetails(i18n, l, load)), [i18n, load]);
  return useTexts(i18n, lang, ensure, wanted, hasDetails);
}

/** Said where the rule details are needed, while they load or once they have failed. */
export function DetailsStatus({ state }: { state: TextsState }) {
  const { t } = useTranslation();
  return (
    <p className="results-pending" role="status">
      {t(state === 'failed' ? 'ui.results.detailsFailed' : 'ui.results.detailsPending')}
    </p>
  );
}
