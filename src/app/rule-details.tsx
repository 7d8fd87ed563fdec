// The rest of the categories' texts: each one's summary, conditions, notes, documents and what to
// do next, and the conditions rules share (the `details` part of a language's texts,
// src/rules-compiler/vite-plugin.ts). The results page draws its headline without them and asks
// for them then; the sheet waits for them. This module is in the pages' code, not the first page's.
import { useCallback } from 'react';
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApp, useTexts, type TextsState } from './context';
import { hasTexts, type Bundle, type Lang, type LoadLocale } from './i18n';

/** Whether a language's texts and its rule details are there (the details always bring `shared`). */
export function hasDetails(i18n: I18n, lang: Lang): boolean {
  return hasTexts(i18n, lang) && (i18n.getResourceBundle(lang, 'translation') as Bundle).shared !== undefined;
}

/** Makes sure a language's texts (through `ensureTexts`) and its rule details are there, fetched at once. */
export async function ensureDetails(
  i18n: I18n,
  lang: Lang,
  ensureTexts: (lang: Lang) => Promise<void>,
  load: LoadLocale,
): Promise<void> {
  if (hasDetails(i18n, lang)) return;
  // Merged after the texts: merged into a language not yet there, the details would hide that its
  // interface texts are missing (ensureLocale loads them only for a language it does not have).
  const [, details] = await Promise.all([ensureTexts(lang), load(lang, 'details')]);
  i18n.addResourceBundle(lang, 'translation', details, true, true);
}

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
  const { ensureLanguage, loadLocale: load } = useApp();
  const ensure = useCallback(
    (l: Lang) => afterPaint().then(() => ensureDetails(i18n, l, ensureLanguage, load)),
    [i18n, ensureLanguage, load],
  );
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
