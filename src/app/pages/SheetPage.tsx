// The result sheet, to print or save as PDF with the browser (print CSS in styles.css, no PDF
// library): the answers, every category with its conditions ✓ / ✗ / ?, citations, periods and
// routes, the document checklist, the as-of date, the rules version and the date printed. One
// language, or Japanese and English side by side (each block with its own `lang`), so that a
// Japanese-reading scrivener and an English-reading client read the same sheet.
import { Fragment, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { screenFor } from '../journey';
import type { CategoryResult, Citation, Rule, TraceLine } from '../../engine/types';
import {
  documentChecklist,
  expertReasonText,
  formatCitation,
  lineText,
  periodsText,
  routeTexts,
  verdictLabelKey,
  summaryKey,
  sameCitation,
  TRUTH_MARK,
  type ChecklistEntry,
  type Translate,
} from '../../present';
import { useApp } from '../context';
import { answerText, formatDate } from '../format';
import { hasTexts, type Lang } from '../i18n';
import { usePageTitle } from '../usePageTitle';
import { ChecklistItem, ProId } from '../components/DocumentChecklist';
import { Deadlines } from '../components/Deadlines';
import { Link } from '../components/Link';
import { RuleGuidance } from '../components/RuleGuidance';
import { SECTIONS } from './CheckPage';
import { groupResults, type ResultGroup } from '../../present/groups';

const MATCHED: ResultGroup[] = ['redirect', 'eligible', 'possible', 'caseByCase', 'later'];
const COUNTED: ResultGroup[] = [...MATCHED, 'notEligible'];

/** What a sheet block needs: the texts of its language and the language code. */
interface Col {
  lang: Lang;
  t: Translate;
}

export function SheetPage({ both: bothAtStart }: { both?: boolean | undefined }) {
  const { t, i18n } = useTranslation();
  const { ruleSet, journey, asOf, lang, ensureLanguage } = useApp();
  usePageTitle(t('ui.sheet.heading'));
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  const [both, setBoth] = useState(!!bothAtStart);
  const [withNotEligible, setWithNotEligible] = useState(true);
  // The other language's texts: loaded when both languages are chosen (a failed load is tried
  // again when they are chosen again).
  const [otherTexts, setOtherTexts] = useState<'idle' | 'loading' | 'ready' | 'failed'>(() =>
    hasTexts(i18n, other) ? 'ready' : both ? 'loading' : 'idle',
  );
  useEffect(() => {
    if (otherTexts !== 'loading') return;
    let live = true;
    ensureLanguage(other).then(
      () => live && setOtherTexts('ready'),
      () => live && setOtherTexts('failed'),
    );
    return () => {
      live = false;
    };
  }, [otherTexts, other, ensureLanguage]);
  const choose = (b: boolean) => {
    setBoth(b);
    if (b && otherTexts !== 'ready') setOtherTexts(hasTexts(i18n, other) ? 'ready' : 'loading');
  };

  const showBoth = both && otherTexts === 'ready';
  // Japanese on the left, English on the right, whatever the interface language.
  const cols: Col[] = useMemo(
    () => (showBoth ? (['ja', 'en'] as const).map((l) => ({ lang: l, t: i18n.getFixedT(l) })) : [{ lang, t }]),
    [showBoth, i18n, lang, t],
  );

  const screening = screenFor(ruleSet, journey.answers, asOf);
  // English and Japanese texts agree on which documents are the same (tests/present/checklist.test.ts).
  const checklist = useMemo(() => documentChecklist(ruleSet, screening, [t]), [ruleSet, screening, t]);

  const print = () => window.print();

  return (
    <>
      <div className="sheet-controls no-print">
        <Link to={{ page: 'results' }} className="back-link">
          {t('ui.sheet.controls.back')}
        </Link>
        <h1 className="heading-l" tabIndex={-1}>
          {t('ui.sheet.heading')}
        </h1>
        <div className="form-group">
          <fieldset className="fieldset">
            <legend className="fieldset__legend heading-s">{t('ui.sheet.controls.legend')}</legend>
            <div className="radios radios--small">
              {([false, true] as const).map((b) => (
                <div className="radios__item" key={String(b)}>
                  <input
                    className="radios__input"
                    type="radio"
                    name="sheet-langs"
                    id={`sheet-langs-${b ? 'both' : 'one'}`}
                    checked={both === b}
                    onChange={() => choose(b)}
                  />
                  <label className="radios__label" htmlFor={`sheet-langs-${b ? 'both' : 'one'}`}>
                    {t(b ? 'ui.sheet.controls.both' : 'ui.sheet.controls.one')}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="checkboxes">
          <div className="checkboxes__item">
            <input
              className="checkboxes__input"
              type="checkbox"
              id="sheet-not-eligible"
              checked={withNotEligible}
              onChange={(e) => setWithNotEligible(e.target.checked)}
            />
            <label className="checkboxes__label" htmlFor="sheet-not-eligible">
              {t('ui.sheet.controls.notEligible')}
            </label>
          </div>
        </div>
        <p className="sheet-controls__status" role="status">
          {both && otherTexts === 'loading'
            ? t('ui.sheet.controls.loading')
            : both && otherTexts === 'failed'
              ? t('ui.sheet.controls.loadFailed')
              : ''}
        </p>
        <button type="button" className="button" onClick={print} disabled={both && !showBoth}>
          {t('ui.sheet.controls.print')}
        </button>
        <p className="hint">{t('ui.sheet.controls.printHint')}</p>
      </div>

      <Sheet cols={cols} results={screening.results} checklist={checklist} withNotEligible={withNotEligible} />
    </>
  );
}

function Sheet({
  cols,
  results: all,
  checklist,
  withNotEligible,
}: {
  cols: Col[];
  results: CategoryResult[];
  checklist: ChecklistEntry[];
  withNotEligible: boolean;
}) {
  const { ruleSet, journey, asOf, today, pro } = useApp();
  const rules = useMemo(() => new Map(ruleSet.rules.map((r) => [r.id, r])), [ruleSet]);
  const { grouped, matched } = groupResults(ruleSet, all);
  const answered = ruleSet.facts.filter((f) => journey.answers[f.id] !== undefined);
  const rank = (id: string) => {
    const i = journey.path.indexOf(id);
    return i === -1 ? 10_000 : i;
  };
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
          {({ t }) => (
            <>
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
        {({ t, lang }) => (
          <Deadlines
            screening={screenFor(ruleSet, journey.answers, asOf)}
            t={t}
            lang={lang}
            headingId={`sheet-deadlines-${lang}`}
          />
        )}
      </Cols>

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

      {MATCHED.map((g) => {
        const list = grouped.get(g) ?? [];
        if (!list.length) return null;
        return (
          <section key={g} className="sheet-section" aria-labelledby={`sheet-group-${g}`} data-group={g}>
            <BiHeading id={`sheet-group-${g}`} cols={cols} k={`ui.results.group.${g}.title`} count={list.length} />
            {list.map((r) => (
              <div key={r.id} className="sheet-category" data-rule-id={r.id} data-verdict={r.verdict}>
                <Cols cols={cols}>{(c) => <SheetCategory col={c} result={r} rule={rules.get(r.id)} pro={pro} />}</Cols>
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
                    <SheetTrace lines={failing(r.trace)} t={t} lang={lang} pro={pro} source={r.source} />
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

/** One block per language: side by side when there are two. */
function Cols({ cols, children }: { cols: Col[]; children: (col: Col) => ReactNode }) {
  return (
    <div className={`sheet-cols sheet-cols--${cols.length}`}>
      {cols.map((c) => (
        <div key={c.lang} className="sheet-col" lang={c.lang}>
          {children(c)}
        </div>
      ))}
    </div>
  );
}

/** A section heading in each language of the sheet, each part with its own `lang`. */
function BiHeading({ id, cols, k, count }: { id: string; cols: Col[]; k: string; count?: number }) {
  return (
    <h2 className="heading-m sheet-heading" id={id}>
      {cols.map(({ t, lang }, i) => (
        <span key={lang} lang={lang} className="sheet-heading__part">
          {i > 0 && <span aria-hidden="true"> / </span>}
          {t(k, count === undefined ? undefined : { count })}
        </span>
      ))}
    </h2>
  );
}

/** A line of text in each language of the sheet. */
function BiText({ className, cols, k }: { className: string; cols: Col[]; k: string }) {
  return (
    <p className={className}>
      {cols.map(({ t, lang }) => (
        <span key={lang} lang={lang} className={`${className}-part`}>
          {t(k)}
        </span>
      ))}
    </p>
  );
}

function SheetCategory({
  col,
  result: r,
  rule,
  pro,
}: {
  col: Col;
  result: CategoryResult;
  rule: Rule | undefined;
  pro: boolean;
}) {
  const { t, lang } = col;
  const periods = periodsText(r, t, lang);
  const routes = routeTexts(r, t, lang);
  return (
    <>
      <h3 className="heading-s sheet-category__title">{t(`rules.${r.id}.title`)}</h3>
      <p className="sheet-category__verdict">
        <strong>{t(verdictLabelKey(r))}</strong> · {t(`engine.kind.${r.kind}`)}
        {r.needsExpert && <> · {t('engine.expert.title')}</>}
        {pro && <ProId label={t('ui.pro.ruleId')} id={r.id} />}
      </p>
      {r.kind === 'redirect' && r.redirectTo && (
        <p>
          <strong>{t('ui.results.redirectTo', { status: t(`engine.status.${r.redirectTo}`) })}</strong>
        </p>
      )}
      <p>{t(summaryKey(r))}</p>
      {r.discretionary && <p>{t('engine.discretionary')}</p>}
      {r.nearMiss && (
        <p>
          <strong>{t('engine.nearMiss', { date: formatDate(r.nearMiss.date, lang) })}</strong>
        </p>
      )}
      {r.needsExpert && (
        <ul className="list list--bullet">
          {r.expertReasons.map((reason) => (
            <li key={`${reason.key}:${reason.why}`}>{expertReasonText(reason, r, t, lang)}</li>
          ))}
        </ul>
      )}
      <h4 className="sheet-label">{t('ui.results.conditions')}</h4>
      <SheetTrace lines={r.trace} t={t} lang={lang} pro={pro} source={r.source} />
      <dl className="sheet-facts">
        <dt>{t('ui.results.source')}</dt>
        <dd>
          {formatCitation(r.source, t, { lang, sources: pro })}
          {rule && <> ({t(`engine.confidence.${rule.confidence}`)})</>}
        </dd>
        {periods && (
          <>
            <dt>{t('engine.periodsLabel')}</dt>
            <dd>
              {periods}
              {r.typicalPeriod && (
                <> · {t('engine.typicalPeriod', { period: t(`engine.period.${r.typicalPeriod}`) })}</>
              )}
            </dd>
          </>
        )}
        {routes.length > 0 && (
          <>
            <dt>{t('ui.results.howToApply')}</dt>
            <dd>
              <ul className="sheet-routes">
                {routes.map((route) => (
                  <li key={route.route} data-fits={route.fits}>
                    <span className="sheet-mark" aria-hidden="true">
                      {route.mark}
                    </span>{' '}
                    {route.text}
                    {route.note && <> — {route.note}</>}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <RuleGuidance id={r.id} rule={rule} t={t} labelClass="sheet-label" />
    </>
  );
}

/** Condition lines with their mark and its word (✓ met, ✗ not met, ? not known): readable in black and white. */
function SheetTrace({
  lines,
  t,
  lang,
  pro,
  source,
}: {
  lines: TraceLine[];
  t: Translate;
  lang: string;
  pro: boolean;
  source: Citation;
}) {
  if (!lines.length) return null;
  return (
    <ul className="sheet-trace">
      {lines.map((l) => (
        <li key={l.n} data-truth={l.truth}>
          <span className="sheet-mark" aria-hidden="true">
            {TRUTH_MARK[l.truth]}
          </span>{' '}
          <span className="sheet-truth">{t(`engine.truth.${l.truth}`)}:</span> {lineText(l, t, lang)}
          {l.metFrom && <> {t('ui.results.metFrom', { date: formatDate(l.metFrom, lang) })}</>}
          {pro && <ProId label={t('ui.pro.conditionId')} id={l.id} />}
          {pro && !sameCitation(l.cite, source) && (
            <span className="trace__cite">
              {' '}
              {t('ui.pro.lineCite', { cite: formatCitation(l.cite, t, { lang, sources: true }) })}
            </span>
          )}
          <SheetTrace lines={l.children} t={t} lang={lang} pro={pro} source={l.cite} />
        </li>
      ))}
    </ul>
  );
}

/** Failing lines only, keeping the nesting down to the lines that fail. */
function failing(lines: TraceLine[]): TraceLine[] {
  return lines.filter((l) => l.truth === 'not_met').map((l) => ({ ...l, children: failing(l.children) }));
}
