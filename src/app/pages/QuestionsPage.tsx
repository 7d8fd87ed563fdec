// Every question of the catalogue on one page (scrivener view), grouped as on check your answers,
// with the answer given or why there is none, each a link to its question page. In the scrivener
// view every question can be opened (App lets any catalogue question through); otherwise only
// the ones the wizard could show (answered, or still mattering), so the guided flow is unchanged.
import { useTranslation } from 'react-i18next';
import { closedQuestions, premiseFacts } from '../../engine/premises';
import type { Answers, Fact } from '../../engine/types';
import { useApp } from '../context';
import { answerText } from '../format';
import { canShow } from '../state/journey';
import { usePageTitle } from '../usePageTitle';
import { Link } from '../components/Link';
import { ProId } from '../components/DocumentChecklist';
import { AsOfNotice } from '../components/ProView';
import { FactSections, PageHeading } from '../components/Section';

type Status = 'answered' | 'open' | 'gated' | 'notNeeded';

function statusOf(fact: Fact, answers: Answers, next: string[], closed: ReadonlyMap<string, unknown>): Status {
  // A question closed by its premise counts as the premise's value, whatever was answered (effectiveAnswers).
  if (closed.has(fact.id)) return 'gated';
  if (answers[fact.id] !== undefined) return 'answered';
  return next.includes(fact.id) ? 'open' : 'notNeeded';
}

export function QuestionsPage() {
  const { t } = useTranslation();
  const { ruleSet, journey, pro, lang, asOf } = useApp();
  const next = useApp().next();
  const closed = closedQuestions(ruleSet, journey.answers, asOf);
  const heading = t('ui.pro.questions.heading');
  usePageTitle(heading);
  const facts = [...ruleSet.facts].sort((a, b) => a.order - b.order);
  const answered = facts.filter((f) => statusOf(f, journey.answers, next, closed) === 'answered').length;

  const describe = (f: Fact, status: Status): string => {
    switch (status) {
      case 'answered':
        return answerText(f, journey.answers[f.id]!, t, lang);
      case 'open':
        return t('ui.pro.questions.notAnswered');
      case 'notNeeded':
        return t('ui.pro.questions.notNeeded');
      case 'gated': {
        // Named: the question the premise reads that is answered (or itself closed), else its first.
        const named = premiseFacts(f.premise!);
        const by = named.find((id) => journey.answers[id] !== undefined || closed.has(id)) ?? named[0]!;
        const value = closed.get(f.id);
        const gate = t(`facts.${by}.question`);
        return value === undefined
          ? t('ui.pro.questions.gatedNoValue', { gate })
          : t('ui.pro.questions.gated', { value: answerText(f, value, t, lang), gate });
      }
    }
  };

  return (
    <>
      <Link to={journey.path.length ? { page: 'results' } : { page: 'start' }} className="back-link">
        {t('ui.nav.back')}
      </Link>
      <PageHeading text={heading} />
      <p>{t('ui.pro.questions.lead')}</p>
      <p className="meta">{t('ui.pro.questions.count', { answered, total: facts.length })}</p>
      <AsOfNotice />
      {!pro && (
        <div className="inset">
          <p>{t('ui.pro.questions.proOff')}</p>
        </div>
      )}
      <FactSections
        facts={facts}
        idPrefix="questions"
        listClass="summary-list questions-list"
        row={(f) => {
          const status = statusOf(f, journey.answers, next, closed);
          const openable = pro || canShow(journey, next, f.id);
          const question = t(`facts.${f.id}.question`);
          return (
            <div className="summary-list__row" key={f.id} data-fact={f.id} data-status={status}>
              <dt className="summary-list__key">
                {openable ? (
                  <Link to={{ page: 'question', factId: f.id, returnTo: 'check' }}>{question}</Link>
                ) : (
                  question
                )}
                {pro && <ProId label={t('ui.pro.factId')} id={f.id} />}
              </dt>
              <dd className={`summary-list__value questions-list__status questions-list__status--${status}`}>
                {describe(f, status)}
              </dd>
            </div>
          );
        }}
      />
      {journey.path.length > 0 && (
        <p>
          <Link to={{ page: 'results' }}>{t('ui.pro.questions.toResults')}</Link>
        </p>
      )}
    </>
  );
}
