import { useTranslation } from 'react-i18next';
import type { Fact } from '../../engine/types';
import { SECTIONS } from '../../present/sections';
import { closedQuestions } from '../../engine/premises';
import { useApp } from '../context';
import { answerText } from '../format';
import { currentStep } from '../state/journey';
import { usePageTitle } from '../usePageTitle';
import { Link } from '../components/Link';
import { ProId } from '../components/DocumentChecklist';

export function CheckPage() {
  const { t } = useTranslation();
  const { ruleSet, journey, go, lang, pro, asOf } = useApp();
  const next = useApp().next();
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
      <h1 className="heading-l" tabIndex={-1}>
        {heading}
      </h1>
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
      {SECTIONS.map((section) => {
        const facts = answered.filter((f) => section.groups.includes(f.group)).sort((a, b) => rank(a) - rank(b));
        if (!facts.length) return null;
        return (
          <section key={section.id} className="check-section" aria-labelledby={`check-${section.id}`}>
            <h2 className="heading-m" id={`check-${section.id}`}>
              {t(`ui.check.section.${section.id}`)}
            </h2>
            <dl className="summary-list">
              {facts.map((f) => (
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
              ))}
            </dl>
          </section>
        );
      })}
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
