import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fact } from '../../engine/types';
import { closedQuestions } from '../../engine/premises';
import { useApp } from '../context';
import { answerText } from '../format';
import { currentStep } from '../state/journey';
import { usePageTitle } from '../usePageTitle';
import { Link } from '../components/Link';
import { ProId } from '../components/DocumentChecklist';
import { FactSections, PageHeading } from '../components/Section';

export function CheckPage() {
  const { t } = useTranslation();
  const { ruleSet, journey, go, lang, pro, asOf, loadLocale } = useApp();
  const next = useApp().next();
  // The results come next: their categories' texts (rule-details.tsx) are fetched meanwhile.
  useEffect(() => {
    loadLocale(lang, 'details').catch(() => undefined);
  }, [loadLocale, lang]);
  // An answer whose question an earlier answer now rules out is ignored: shown as not needed.
  const closed = closedQuestions(ruleSet, journey.answers, asOf);
  const heading = t('ui.check.heading');
  usePageTitle(heading);
  const answered = ruleSet.facts.filter((f) => journey.answers[f.id] !== undefined);
  const rank = (f: Fact) => {
    const i = journey.path.indexOf(f.id);
    return i === -1 ? 10_000 + f.order : i;
  };
  const open = next.length > 0;
  const last = journey.path.at(-1);
  return (
    <>
      <Link to={last ? { page: 'question', factId: last } : { page: 'start' }} className="back-link">
        {t('ui.nav.back')}
      </Link>
      <PageHeading text={heading} />
      <p>{t('ui.check.lead')}</p>
      {pro && (
        <p>
          <Link to={{ page: 'questions' }}>{t('ui.pro.overviewLink')}</Link>
        </p>
      )}
      {open && (
        <div className="inset inset--warning">
          <p>{t('ui.check.openQuestions', { count: next.length })}</p>
          <p>
            <Link to={currentStep(next, journey)}>{t('ui.check.answerOpen')}</Link>
          </p>
        </div>
      )}
      <FactSections
        facts={[...answered].sort((a, b) => rank(a) - rank(b))}
        idPrefix="check"
        listClass="summary-list"
        row={(f) => (
          <div className="summary-list__row" key={f.id} data-fact={f.id}>
            <dt className="summary-list__key">
              {t(`facts.${f.id}.question`)}
              {pro && <ProId label={t('ui.pro.factId')} id={f.id} />}
            </dt>
            <dd className="summary-list__value">
              {closed.has(f.id) ? (
                <span className="meta" data-not-needed="">
                  {t('ui.check.notNeeded')}
                </span>
              ) : (
                answerText(f, journey.answers[f.id]!, t, lang)
              )}
            </dd>
            <dd className="summary-list__actions">
              <Link to={{ page: 'question', factId: f.id, returnTo: 'check' }}>
                {t('ui.check.change')}
                <span className="visually-hidden"> {t(`facts.${f.id}.question`)}</span>
              </Link>
            </dd>
          </div>
        )}
      />
      <h2 className="heading-m">{t('ui.check.nextTitle')}</h2>
      <p>{t('ui.check.nextBody')}</p>
      <button type="button" className="button" onClick={() => go({ page: 'results' })}>
        {t('ui.check.submit')}
      </button>
      <p className="transfer-link">
        <Link to={{ page: 'save' }}>{t('ui.saveLink')}</Link>
      </p>
    </>
  );
}
