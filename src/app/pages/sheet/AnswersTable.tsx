// The sheet's answers: every answered question by section of the journey, in the order asked,
// question and answer in each language of the sheet.
import { Fragment } from 'react';
import { SECTIONS } from '../../../present/sections';
import { useApp } from '../../context';
import { answerText } from '../../format';
import { ProId } from '../../components/DocumentChecklist';
import { BiHeading, type Col } from './columns';

export function AnswersTable({ cols }: { cols: Col[] }) {
  const { ruleSet, journey, pro } = useApp();
  const answered = ruleSet.facts.filter((f) => journey.answers[f.id] !== undefined);
  const rank = (id: string) => {
    const i = journey.path.indexOf(id);
    return i === -1 ? 10_000 : i;
  };
  return (
    <section className="sheet-section" aria-labelledby="sheet-answers">
      <BiHeading id="sheet-answers" cols={cols} k="ui.sheet.section.answers" />
      <table className="sheet-answers">
        <thead>
          <tr>
            {cols.map(({ t, lang }) => (
              <Fragment key={lang}>
                <th scope="col" lang={lang} className="sheet-answers__q">
                  {t('ui.sheet.answers.question')}
                </th>
                <th scope="col" lang={lang} className="sheet-answers__a">
                  {t('ui.sheet.answers.answer')}
                </th>
              </Fragment>
            ))}
          </tr>
        </thead>
        {SECTIONS.map((section) => {
          const facts = answered
            .filter((f) => section.groups.includes(f.group))
            .sort((a, b) => rank(a.id) - rank(b.id) || a.order - b.order);
          if (!facts.length) return null;
          return (
            <tbody key={section.id}>
              <tr className="sheet-answers__section">
                <th scope="colgroup" colSpan={cols.length * 2}>
                  {cols.map(({ t, lang }, i) => (
                    <span key={lang} lang={lang}>
                      {i > 0 && ' / '}
                      {t(`ui.check.section.${section.id}`)}
                    </span>
                  ))}
                </th>
              </tr>
              {facts.map((f) => (
                <tr key={f.id} data-fact={f.id}>
                  {cols.map(({ t, lang }) => (
                    <Fragment key={lang}>
                      <td lang={lang} className="sheet-answers__q">
                        {t(`facts.${f.id}.question`)}
                        {pro && <ProId label={t('ui.pro.factId')} id={f.id} />}
                      </td>
                      <td lang={lang} className="sheet-answers__a">
                        {answerText(f, journey.answers[f.id]!, t, lang)}
                      </td>
                    </Fragment>
                  ))}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </section>
  );
}
