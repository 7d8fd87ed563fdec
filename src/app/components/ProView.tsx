// The scrivener view (行政書士向け表示) on the results page: a toggle (remembered in the tab), and
// when on, the "as of" date to screen on and a link to every question on one page. The chosen
// as-of date is announced wherever results appear (AsOfNotice), whether the view is on or not.
// The form (react-hook-form, zod: the question pages' code) loads when the view is first turned on,
// so that the results page opened from a share link does not wait for it.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../context';
import { formatDate } from '../format';
import { Link } from './Link';
import { Section } from './Section';

const AsOfForm = lazy(() => import('./AsOfForm').then((m) => ({ default: m.AsOfForm })));

export function ProToggle() {
  const { t } = useTranslation();
  const { pro, setPro } = useApp();
  return (
    <div className="pro-toggle">
      <button
        type="button"
        className="pro-toggle__button"
        aria-pressed={pro}
        aria-describedby="pro-toggle-hint"
        onClick={() => setPro(!pro)}
      >
        <span className="pro-toggle__switch" aria-hidden="true" />
        {t('ui.pro.toggle')}
      </button>
      <p className="pro-toggle__hint" id="pro-toggle-hint">
        {t('ui.pro.toggleHint')}
      </p>
    </div>
  );
}

/** Shown when the scrivener view is on: the as-of date and the questions overview. */
export function ProPanel() {
  const { t } = useTranslation();
  const { pro } = useApp();
  if (!pro) return null;
  return (
    <Section name="pro-panel" title={t('ui.pro.panelTitle')}>
      <Suspense fallback={null}>
        <AsOfForm />
      </Suspense>
      <p>
        <Link to={{ page: 'questions' }}>{t('ui.pro.overviewLink')}</Link>
      </p>
    </Section>
  );
}

/** "Screened as of 1 April 2027, a date chosen in the scrivener view — not today (…)." */
export function AsOfNotice() {
  const { t } = useTranslation();
  const { asOf, today, lang } = useApp();
  if (asOf === today) return null;
  return (
    <p className="as-of-notice" data-as-of={asOf}>
      <strong>{t('ui.pro.asOf.chosen', { date: formatDate(asOf, lang), today: formatDate(today, lang) })}</strong>
    </p>
  );
}
