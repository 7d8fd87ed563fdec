// The merged document checklist (src/present/checklist.ts), on the results page and on the
// printed sheet. Texts come through the given `t` so that the sheet can show it in each language.
import { lineText, provesByCategory, TRUTH_MARK, type ChecklistEntry, type Translate } from '../../present';
import { Section } from './Section';

export function DocumentChecklist({
  entries,
  t,
  lang,
  pro,
  headingId,
}: {
  entries: ChecklistEntry[];
  t: Translate;
  lang: string;
  pro: boolean;
  headingId: string;
}) {
  if (!entries.length) return null;
  return (
    <Section
      name="checklist"
      headingId={headingId}
      title={t('ui.sheet.checklist.title')}
      headingClass="heading-l checklist__title"
      data-section="checklist"
      lang={lang}
    >
      <p>{t('ui.sheet.checklist.intro')}</p>
      <p className="checklist__legend">{t('ui.sheet.checklist.legend')}</p>
      <ul className="checklist__list">
        {entries.map((e) => (
          <ChecklistItem key={e.textKeys.join(' ')} entry={e} t={t} lang={lang} pro={pro} />
        ))}
      </ul>
    </Section>
  );
}

/** One document of the checklist: its text, and what it proves for each category. */
export function ChecklistItem({
  entry: e,
  t,
  lang,
  pro,
  as: Tag = 'li',
}: {
  entry: ChecklistEntry;
  t: Translate;
  lang: string;
  pro: boolean;
  as?: 'li' | 'div';
}) {
  return (
    <Tag className="checklist__item" data-doc={e.doc}>
      <span className="checklist__box" aria-hidden="true" />
      <div className="checklist__body">
        <p className="checklist__doc">
          {t(e.textKeys[0]!)}
          {pro && <ProId label={t('ui.pro.docId')} id={e.doc} />}
        </p>
        <ul className="checklist__proves">
          {provesByCategory(e).map(([ruleId, conditions]) => (
            <li key={ruleId} data-for-rule={ruleId}>
              <span className="checklist__for">
                {t('ui.sheet.checklist.provesFor', { category: t(`rules.${ruleId}.title`) })}
              </span>
              {pro && <ProId label={t('ui.pro.ruleId')} id={ruleId} />}
              <ul className="checklist__conditions">
                {conditions.map((c) => (
                  <li key={c.conditionId} className="checklist__condition" data-truth={c.truth}>
                    <span className="checklist__mark" aria-hidden="true">
                      {TRUTH_MARK[c.truth]}
                    </span>{' '}
                    <span className="visually-hidden">{t(`engine.truth.${c.truth}`)}: </span>
                    {c.line ? lineText(c.line, t, lang) : t(c.key)}
                    {pro && <ProId label={t('ui.pro.conditionId')} id={c.conditionId} />}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </Tag>
  );
}

/** An id of the rule files shown in the scrivener view: " [rule id: notified-3]" to a screen reader. */
export function ProId({ label, id }: { label: string; id: string }) {
  return (
    <>
      {' '}
      <code className="pro-id">
        <span className="visually-hidden">{label}: </span>
        {id}
      </code>
    </>
  );
}
