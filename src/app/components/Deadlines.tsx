// The dates to keep (rules/deadlines.yaml, computed by the engine from the answers): on the
// results page and on the printed sheet. Texts come through the given `t` so that the sheet can
// show them in each language; a passed application window is marked, a duty to notify is shown
// with its date.
import type { Screening } from '../../engine/types';
import { deadlineTexts, phraseList, type Translate } from '../../present';
import { formatDate } from '../format';
import { Section } from './Section';

export function Deadlines({
  screening,
  t,
  lang,
  headingId,
}: {
  screening: Pick<Screening, 'deadlines' | 'results'>;
  t: Translate;
  lang: string;
  headingId: string;
}) {
  if (!screening.deadlines.length) return null;
  const items = deadlineTexts(screening, t, lang, (iso) => formatDate(iso, lang));
  return (
    <Section
      name="deadlines"
      headingId={headingId}
      title={t('ui.sheet.deadlines.title')}
      headingClass="heading-l deadlines__title"
      data-section="deadlines"
      lang={lang}
    >
      <p>{t('ui.sheet.deadlines.intro')}</p>
      <ul className="deadlines__list">
        {items.map((d) => (
          <li
            key={d.id}
            className={`deadline deadline--${d.kind}${d.passed ? ' deadline--passed' : ''}`}
            data-deadline={d.id}
            data-passed={d.passed}
          >
            <p className="deadline__title">
              <strong>{d.title}</strong>
              {d.passed && <span className="tag tag--passed">{t('ui.sheet.deadlines.passed')}</span>}
              {d.kind === 'notify' && <span className="tag tag--kind">{t('ui.sheet.deadlines.duty')}</span>}
            </p>
            <p>{d.text}</p>
            {d.excused && <p className="deadline__excused">{d.excused}</p>}
            {d.governs.length > 0 && (
              <p className="deadline__governs">
                {t('ui.sheet.deadlines.governs', { list: phraseList(d.governs, lang) })}
              </p>
            )}
            <p className="deadline__cite">{d.cite}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
