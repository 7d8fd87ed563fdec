import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { screenFor } from '../journey';
import type { CategoryResult, Citation, Rule, TraceLine } from '../../engine/types';
import {
  documentChecklist,
  expertReasonText,
  formatCitation,
  lineText,
  openQuestionsByCategory,
  periodsText,
  routeTexts,
  verdictLabelKey,
  summaryKey,
  sameCitation,
  TRUTH_MARK,
  type Translate,
} from '../../present';
import { useApp } from '../context';
import { formatDate } from '../format';
import { usePageTitle } from '../usePageTitle';
import { Link } from '../components/Link';
import { RuleGuidance } from '../components/RuleGuidance';
import { groupResults, type ResultGroup } from '../../present/groups';
import { FamilyTree } from '../components/FamilyTree';
import { DocumentChecklist, ProId } from '../components/DocumentChecklist';
import { AsOfNotice, ProPanel, ProToggle } from '../components/ProView';
import { Deadlines } from '../components/Deadlines';

const SHOWN: ResultGroup[] = ['redirect', 'eligible', 'possible', 'caseByCase', 'later'];

export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const { ruleSet, journey, asOf, lang, clear, ensureLanguage, pro } = useApp();
  const heading = t('ui.results.heading');
  usePageTitle(heading);

  const screening = screenFor(ruleSet, journey.answers, asOf);
  const open = useMemo(
    () => openQuestionsByCategory(ruleSet, screening, journey.answers),
    [ruleSet, screening, journey.answers],
  );
  const rules = useMemo(() => new Map(ruleSet.rules.map((r) => [r.id, r])), [ruleSet]);
  const { grouped, matched } = groupResults(ruleSet, screening.results);
  const checklist = useMemo(() => documentChecklist(ruleSet, screening, [t]), [ruleSet, screening, t]);

  // In Japanese, each category also shows its English title: load the English texts on demand.
  const [enReady, setEnReady] = useState(() => i18n.hasResourceBundle('en', 'translation'));
  useEffect(() => {
    if (lang !== 'ja' || enReady) return;
    let live = true;
    void ensureLanguage('en').then(() => live && setEnReady(true));
    return () => {
      live = false;
    };
  }, [lang, enReady, ensureLanguage]);
  const tEn: Translate | undefined = lang === 'ja' && enReady ? i18n.getFixedT('en') : undefined;

  return (
    <>
      <Link to={{ page: 'check' }} className="back-link">
        {t('ui.nav.back')}
      </Link>
      <h1 className="heading-xl" tabIndex={-1}>
        {heading}
      </h1>
      <p className="lead">{t('ui.results.lead')}</p>
      <div className="inset inset--warning disclaimer">
        <p>
          <strong>{t('engine.disclaimer')}</strong>
        </p>
      </div>
      <p className="meta">
        {t('engine.asOf', { date: formatDate(asOf, lang) })} ·{' '}
        {t('engine.rulesVersion', { checked: formatDate(ruleSet.version.checked, lang), hash: ruleSet.version.hash })}
      </p>
      <AsOfNotice />
      <div className="no-print">
        <p className="sheet-link">
          <Link to={{ page: 'sheet' }}>{t('ui.sheet.link')}</Link>
        </p>
        <ProToggle />
        <ProPanel />
      </div>

      <SummaryCounts grouped={grouped} />

      {!matched && <NothingMatched hasLater={!!grouped.get('later')?.length} />}
      <Deadlines screening={screening} t={t} lang={lang} headingId="deadlines-title" />

      {SHOWN.map((g) => {
        const list = grouped.get(g) ?? [];
        if (!list.length) return null;
        return (
          <section key={g} className={`result-group result-group--${g}`} aria-labelledby={`group-${g}`} data-group={g}>
            <h2 className="heading-l" id={`group-${g}`}>
              {t(`ui.results.group.${g}.title`, { count: list.length })}
            </h2>
            <p className="result-group__intro">{t(`ui.results.group.${g}.intro`)}</p>
            {list.map((r) => (
              <CategoryCard key={r.id} result={r} rule={rules.get(r.id)} tEn={tEn} open={open.get(r.id) ?? []} />
            ))}
          </section>
        );
      })}

      <FamilyTree place="results" />

      <DocumentChecklist entries={checklist} t={t} lang={lang} pro={pro} headingId="checklist-title" />

      <NotEligibleList list={grouped.get('notEligible') ?? []} tEn={tEn} />

      <h2 className="heading-m">{t('ui.results.afterTitle')}</h2>
      <p>{t('ui.results.afterBody')}</p>
      <div className="button-group">
        <Link to={{ page: 'check' }} className="button button--secondary">
          {t('ui.results.changeAnswers')}
        </Link>
        <button type="button" className="button button--warning" onClick={clear}>
          {t('ui.results.startAgain')}
        </button>
      </div>
      <p className="transfer-link">
        <Link to={{ page: 'save' }}>{t('ui.saveLink')}</Link>
      </p>
    </>
  );
}

function SummaryCounts({ grouped }: { grouped: Map<ResultGroup, CategoryResult[]> }) {
  const { t } = useTranslation();
  const rows = (['redirect', 'eligible', 'possible', 'caseByCase', 'later', 'notEligible'] as const)
    .map((g) => [g, grouped.get(g)?.length ?? 0] as const)
    .filter(([, n]) => n > 0);
  return (
    <div className="summary-counts">
      <h2 className="heading-m">{t('ui.results.summaryTitle')}</h2>
      <ul className="list">
        {rows.map(([g, n]) => (
          <li key={g}>{t(`ui.results.summary.${g}`, { count: n })}</li>
        ))}
      </ul>
    </div>
  );
}

function NothingMatched({ hasLater }: { hasLater: boolean }) {
  const { t } = useTranslation();
  const { journey } = useApp();
  const abroad = journey.answers.location === 'abroad';
  const where = t('ui.results.none.where', { returnObjects: true }) as unknown as string[];
  return (
    <section className="panel panel--none" aria-labelledby="none-title" data-group="none">
      <h2 className="heading-l" id="none-title">
        {t('ui.results.none.title')}
      </h2>
      <p>{t('ui.results.none.why')}</p>
      {abroad && <p>{t('ui.results.none.abroad')}</p>}
      {hasLater && <p>{t('ui.results.none.later')}</p>}
      <h3 className="heading-s">{t('ui.results.none.whereTitle')}</h3>
      <ul className="list list--bullet">{Array.isArray(where) && where.map((w) => <li key={w}>{w}</li>)}</ul>
    </section>
  );
}

function Title({ result, tEn }: { result: CategoryResult; tEn?: Translate | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="category__title heading-m" id={`cat-${result.id}`}>
        {t(`rules.${result.id}.title`)}
      </h3>
      {tEn && (
        <p className="category__alt-title" lang="en">
          {tEn(`rules.${result.id}.title`)}
        </p>
      )}
    </>
  );
}

function CategoryCard({
  result: r,
  rule,
  tEn,
  open,
}: {
  result: CategoryResult;
  rule: Rule | undefined;
  tEn?: Translate | undefined;
  open: string[];
}) {
  const { t } = useTranslation();
  const { lang, pro } = useApp();
  const periods = periodsText(r, t, lang);
  const routes = routeTexts(r, t, lang);
  const isRedirect = r.kind === 'redirect';
  return (
    <article
      className={`category category--${r.verdict}${isRedirect ? ' category--redirect' : ''}`}
      aria-labelledby={`cat-${r.id}`}
      data-rule-id={r.id}
      data-verdict={r.verdict}
    >
      <Title result={r} tEn={tEn} />
      <p className="category__tags">
        <span className={`tag tag--${r.verdict}`}>{t(verdictLabelKey(r))}</span>
        <span className="tag tag--kind">{t(`engine.kind.${r.kind}`)}</span>
        {r.needsExpert && <span className="tag tag--expert">{t('engine.expert.title')}</span>}
      </p>
      {pro && <RuleIdLine id={r.id} />}
      {isRedirect && r.redirectTo && (
        <p className="category__redirect">
          {t('ui.results.redirectTo', { status: t(`engine.status.${r.redirectTo}`) })}
        </p>
      )}
      <p>{t(summaryKey(r))}</p>
      {r.discretionary && <p className="category__discretionary">{t('engine.discretionary')}</p>}
      {r.nearMiss && (
        <p className="category__near-miss">
          <strong>{t('engine.nearMiss', { date: formatDate(r.nearMiss.date, lang) })}</strong>
        </p>
      )}

      {r.needsExpert && (
        <div className="expert">
          <h4 className="heading-s">{t('engine.expert.title')}</h4>
          <ul className="list list--bullet">
            {r.expertReasons.map((reason) => (
              <li key={`${reason.key}:${reason.why}`}>{expertReasonText(reason, r, t, lang)}</li>
            ))}
          </ul>
        </div>
      )}

      <h4 className="heading-s">{t('ui.results.conditions')}</h4>
      <TraceList lines={r.trace} source={r.source} />
      {open.length > 0 && (
        <div className="category__open">
          <p>{t('ui.results.openQuestions')}</p>
          <ul className="list list--bullet">
            {open.map((f) => (
              <li key={f}>
                <Link to={{ page: 'question', factId: f, returnTo: 'check' }}>{t(`facts.${f}.question`)}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}

      <dl className="category__facts">
        <dt>{t('ui.results.source')}</dt>
        <dd>
          {formatCitation(r.source, t, { lang, sources: pro })}
          {rule && <span className="category__confidence"> ({t(`engine.confidence.${rule.confidence}`)})</span>}
        </dd>
        {periods && (
          <>
            <dt>{t('engine.periodsLabel')}</dt>
            <dd>
              {periods}
              {r.typicalPeriod && (
                <>
                  <br />
                  {t('engine.typicalPeriod', { period: t(`engine.period.${r.typicalPeriod}`) })}
                </>
              )}
            </dd>
          </>
        )}
      </dl>

      {routes.length > 0 && (
        <>
          <h4 className="heading-s">{t('ui.results.howToApply')}</h4>
          <ul className="routes">
            {routes.map((route, i) => (
              <li key={i} className={`routes__item routes__item--${route.fits}`}>
                <span className="routes__mark" aria-hidden="true">
                  {route.mark}
                </span>{' '}
                {route.text}
                {route.note && <span className="routes__note">{route.note}</span>}
              </li>
            ))}
          </ul>
          {r.discretionary && <p className="hint">{t('ui.results.insideJapanOnly')}</p>}
        </>
      )}

      <RuleGuidance id={r.id} rule={rule} t={t} labelClass="heading-s" />
    </article>
  );
}

/** Condition lines ✓ / ✗ / ?; in the scrivener view with their ids, and their own citation where it differs from `source`. */
export function TraceList({ lines, source }: { lines: TraceLine[]; source?: Citation }) {
  const { t } = useTranslation();
  const { lang, pro } = useApp();
  if (!lines.length) return null;
  return (
    <ul className="trace">
      {lines.map((l) => (
        <li key={l.n} className={`trace__line trace__line--${l.truth}`} data-truth={l.truth}>
          <span className="trace__row">
            <span className="trace__mark" aria-hidden="true">
              {TRUTH_MARK[l.truth]}
            </span>
            <span className="trace__text">
              <span className="visually-hidden">{t(`engine.truth.${l.truth}`)}: </span>
              {lineText(l, t, lang)}
              {l.metFrom && (
                <span className="trace__met-from">
                  {' '}
                  {t('ui.results.metFrom', { date: formatDate(l.metFrom, lang) })}
                </span>
              )}
              {pro && <ProId label={t('ui.pro.conditionId')} id={l.id} />}
              {pro && source && !sameCitation(l.cite, source) && (
                <span className="trace__cite">
                  {t('ui.pro.lineCite', { cite: formatCitation(l.cite, t, { lang, sources: true }) })}
                </span>
              )}
            </span>
          </span>
          <TraceList lines={l.children} source={l.cite} />
        </li>
      ))}
    </ul>
  );
}

/** Failing lines only, keeping the nesting down to the lines that fail. */
function failing(lines: TraceLine[]): TraceLine[] {
  return lines.filter((l) => l.truth === 'not_met').map((l) => ({ ...l, children: failing(l.children) }));
}

/** The rule id under a category's title (scrivener view). */
function RuleIdLine({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <p className="pro-meta">
      {t('ui.pro.ruleId')}: <code className="pro-id">{id}</code>
    </p>
  );
}

function NotEligibleList({ list, tEn }: { list: CategoryResult[]; tEn?: Translate | undefined }) {
  const { t } = useTranslation();
  const { lang, pro } = useApp();
  if (!list.length) return null;
  return (
    <section
      className="result-group result-group--notEligible"
      aria-labelledby="group-notEligible"
      data-group="notEligible"
    >
      <h2 className="heading-l" id="group-notEligible">
        {t('ui.results.group.notEligible.title', { count: list.length })}
      </h2>
      <details className="details details--block">
        <summary className="details__summary">
          <span className="details__summary-text">
            {t('ui.results.group.notEligible.show', { count: list.length })}
          </span>
        </summary>
        <div className="details__text">
          {list.map((r) => (
            <div key={r.id} className="not-eligible" data-rule-id={r.id} data-verdict={r.verdict}>
              <h3 className="heading-s" id={`cat-${r.id}`}>
                {t(`rules.${r.id}.title`)}
              </h3>
              {tEn && (
                <p className="category__alt-title" lang="en">
                  {tEn(`rules.${r.id}.title`)}
                </p>
              )}
              {pro ? (
                <>
                  <RuleIdLine id={r.id} />
                  <p className="pro-meta">{formatCitation(r.source, t, { lang, sources: true })}</p>
                  <TraceList lines={r.trace} source={r.source} />
                </>
              ) : (
                <TraceList lines={failing(r.trace)} />
              )}
            </div>
          ))}
        </div>
      </details>
    </section>
  );
}
