// The printed sheet itself: header with the as-of date and the rules version, the summary, the
// deadlines, the answers, every category by group with its conditions, the document checklist,
// and (if chosen) the categories that do not apply, each block in each language of the sheet.
import links from 'virtual:teiju/links';
import { useMemo } from 'react';
import type { CategoryResult, Screening } from '../../../engine/types';
import { colon, failing, formatCitation, headline, linkHref, sentences, type ChecklistEntry } from '../../../present';
import { groupOrder, groupResults, type ResultGroup } from '../../../present/groups';
import { useApp } from '../../context';
import { formatDate } from '../../format';
import { Category, Conditions } from '../../components/Category';
import { Deadlines } from '../../components/Deadlines';
import { ChecklistItem, ProId } from '../../components/DocumentChecklist';
import { AnswersTable } from './AnswersTable';
import { BiHeading, BiText, Cols, type Col } from './columns';

const COUNTED: ResultGroup[] = ['redirect', 'eligible', 'possible', 'caseByCase', 'later', 'notEligible'];

export function Sheet({
  cols,
  screening,
  checklist,
  withNotEligible,
  reference,
}: {
  cols: Col[];
  screening: Screening;
  checklist: ChecklistEntry[];
  withNotEligible: boolean;
  reference: string;
}) {
  const { ruleSet, journey, asOf, today, pro } = useApp();
  const all: CategoryResult[] = screening.results;
  const rules = useMemo(() => new Map(ruleSet.rules.map((r) => [r.id, r])), [ruleSet]);
  const { grouped, matched } = groupResults(ruleSet, all);
  const notEligible = withNotEligible ? (grouped.get('notEligible') ?? []) : [];

  return (
    <article
      className={`sheet sheet--${cols.length === 2 ? 'both' : 'one'}`}
      data-langs={cols.map((c) => c.lang).join(',')}
    >
      <header className="sheet__header">
        <BiText className="sheet__title" cols={cols} k="ui.sheet.title" />
        <Cols cols={cols}>
          {({ t, lang }) => (
            <>
              <dl className="sheet-meta">
                {reference && (
                  <>
                    <dt>{t('ui.sheet.meta.reference')}</dt>
                    <dd className="sheet-meta__reference">
                      <strong>{reference}</strong>
                    </dd>
                  </>
                )}
                <dt>{t('ui.sheet.meta.asOf')}</dt>
                <dd data-as-of={asOf}>
                  <strong>{formatDate(asOf, lang)}</strong>
                  {asOf !== today && <> ({t('ui.sheet.meta.asOfChosen')})</>}
                </dd>
                <dt>{t('ui.sheet.meta.printed')}</dt>
                <dd>{formatDate(today, lang)}</dd>
                <dt>{t('ui.sheet.meta.rules')}</dt>
                <dd>
                  {t('engine.rulesVersion', {
                    checked: formatDate(ruleSet.version.checked, lang),
                    hash: ruleSet.version.hash,
                  })}
                </dd>
              </dl>
              <p className="sheet__disclaimer">
                <strong>{t('engine.disclaimer')}</strong>
              </p>
            </>
          )}
        </Cols>
      </header>

      <section className="sheet-section" aria-labelledby="sheet-summary">
        <BiHeading id="sheet-summary" cols={cols} k="ui.sheet.section.summary" />
        <Cols cols={cols}>
          {({ t, lang }) => (
            <>
              <ul className="list list--bullet sheet-headline" data-section="headline">
                {headline(ruleSet, screening, journey.answers, links, t, lang).items.map((item, i) => (
                  <li key={item.ruleId ?? i} data-tone={item.tone}>
                    {sentences(item.sentences, lang)}
                    {item.action && (
                      <>
                        {' '}
                        {colon(t(`links.${item.action.id}`), lang)}
                        {linkHref(item.action, lang)}
                      </>
                    )}
                  </li>
                ))}
              </ul>
              {!matched && <p>{t('ui.sheet.nothing')}</p>}
              <ul className="list list--bullet">
                {COUNTED.filter((g) => grouped.get(g)?.length).map((g) => (
                  <li key={g}>{t(`ui.results.summary.${g}`, { count: grouped.get(g)!.length })}</li>
                ))}
              </ul>
            </>
          )}
        </Cols>
      </section>

      <Cols cols={cols}>
        {({ t, lang }) => <Deadlines screening={screening} t={t} lang={lang} headingId={`sheet-deadlines-${lang}`} />}
      </Cols>

      <AnswersTable cols={cols} />

      {groupOrder(grouped).map((g) => {
        const list = grouped.get(g) ?? [];
        if (!list.length) return null;
        return (
          <section key={g} className="sheet-section" aria-labelledby={`sheet-group-${g}`} data-group={g}>
            <BiHeading id={`sheet-group-${g}`} cols={cols} k={`ui.results.group.${g}.title`} count={list.length} />
            {list.map((r) => (
              <div key={r.id} className="sheet-category" data-rule-id={r.id} data-verdict={r.verdict}>
                <Cols cols={cols}>
                  {({ t, lang }) => (
                    <Category
                      result={r}
                      rule={rules.get(r.id)}
                      t={t}
                      lang={lang}
                      pro={pro}
                      print
                      deadline={r.deadline ? screening.deadlines.find((d) => d.id === r.deadline) : undefined}
                    />
                  )}
                </Cols>
              </div>
            ))}
          </section>
        );
      })}

      {checklist.length > 0 && (
        <section className="sheet-section sheet-checklist" aria-labelledby="sheet-checklist">
          <BiHeading id="sheet-checklist" cols={cols} k="ui.sheet.section.checklist" />
          <Cols cols={cols}>
            {({ t }) => (
              <>
                <p>{t('ui.sheet.checklist.intro')}</p>
                <p className="checklist__legend">{t('ui.sheet.checklist.legend')}</p>
              </>
            )}
          </Cols>
          {checklist.map((e) => (
            <div key={e.textKeys.join(' ')} className="sheet-checklist__row">
              <Cols cols={cols}>
                {({ t, lang }) => <ChecklistItem entry={e} t={t} lang={lang} pro={pro} as="div" />}
              </Cols>
            </div>
          ))}
        </section>
      )}

      {notEligible.length > 0 && (
        <section className="sheet-section" aria-labelledby="sheet-not-eligible" data-group="notEligible">
          <BiHeading id="sheet-not-eligible" cols={cols} k="ui.sheet.section.notEligible" />
          {notEligible.map((r) => (
            <div
              key={r.id}
              className="sheet-category sheet-category--compact"
              data-rule-id={r.id}
              data-verdict={r.verdict}
            >
              <Cols cols={cols}>
                {({ t, lang }) => (
                  <>
                    <h3 className="heading-s sheet-category__title">
                      {t(`rules.${r.id}.title`)}
                      {pro && <ProId label={t('ui.pro.ruleId')} id={r.id} />}
                    </h3>
                    {pro && <p className="pro-meta">{formatCitation(r.source, t, { lang, sources: true })}</p>}
                    {/* On paper, even in the scrivener view, only the failing lines: the full traces are on screen. */}
                    <Conditions lines={failing(r.trace)} t={t} lang={lang} pro={pro} print source={r.source} />
                  </>
                )}
              </Cols>
            </div>
          ))}
        </section>
      )}

      <footer className="sheet__footer">
        <Cols cols={cols}>
          {({ t }) => (
            <p>
              {t('ui.footer.privacy')} {t('ui.footer.notAdvice')}
            </p>
          )}
        </Cols>
      </footer>
    </article>
  );
}
