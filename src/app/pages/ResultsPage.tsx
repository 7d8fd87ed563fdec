import { useDeferredValue, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { screenFor } from '../state/journey';
import type { Answers, CategoryResult, Rule, RuleSet, Screening } from '../../engine/types';
import { documentChecklist, failing, formatCitation, openQuestionsByCategory } from '../../present';
import { useApp, useTexts } from '../context';
import { formatDate } from '../format';
import { usePageTitle } from '../usePageTitle';
import { DetailsStatus, useDetails } from '../rule-details';
import { Link } from '../components/Link';
import { groupOrder, groupResults, type ResultGroup } from '../../present/groups';
import { FamilyTree } from '../components/FamilyTree';
import { DocumentChecklist } from '../components/DocumentChecklist';
import { Category, CategoryTitle, Conditions, ExpertList, type AltTitles } from '../components/Category';
import { Headline } from '../components/Headline';
import { Deadlines } from '../components/Deadlines';
import { GlossaryScope } from '../components/Glossary';
import { Helplines } from '../components/OfficialLink';
import { helplinesFor } from '../../present/links';
import { isLawLanguage, partnerOf } from '../../present/languages';
import links from 'virtual:teiju/links';
import { ClearAnswers } from '../components/Header';
import { AsOfNotice, ProPanel, ProToggle } from '../components/ProView';
import { Section } from '../components/Section';
import { preloadPagesWhenIdle } from './lazy';

export function ResultsPage() {
  const { t } = useTranslation();
  const { pending, hydrated } = useApp();
  const heading = t('ui.results.heading');
  usePageTitle(heading);
  // Drawn from its seed (a share link, a reload), the page shows its heading at once and the
  // screening once the rules and the answers are there: the heading stays the same element.
  useEffect(() => {
    if (pending) hydrated();
  }, [pending, hydrated]);

  return (
    <>
      <Link to={{ page: 'check' }} className="back-link">
        {t('ui.nav.back')}
      </Link>
      <h1 className="heading-xl" tabIndex={-1}>
        {heading}
      </h1>
      {pending ? (
        <p className="results-pending" role="status">
          {t('ui.results.pending')}
        </p>
      ) : (
        <GlossaryScope>
          <Results />
        </GlossaryScope>
      )}
    </>
  );
}

/**
 * The screening: the headline, the helplines, the dates to keep and the disclaimer at once, and the
 * rest (the categories by group, the checklist, what to do next) in a second, deferred render, so
 * that what the answers mean is painted before the details are drawn.
 */
function Results() {
  const { t } = useTranslation();
  const { ruleSet, journey, asOf, lang } = useApp();
  const screening = screenFor(ruleSet, journey.answers, asOf);
  const details = useDeferredValue(true, false);

  return (
    <>
      <Headline ruleSet={ruleSet} screening={screening} />
      <Helplines list={helplinesFor(links, answeredTopics(ruleSet, journey.answers))} />
      <Deadlines screening={screening} t={t} lang={lang} headingId="deadlines-title" />
      <div className="inset inset--warning disclaimer">
        <p>
          <strong>{t('engine.disclaimer')}</strong>
        </p>
      </div>
      <AsOfNotice />
      {details && <DetailsOnceLoaded screening={screening} />}
    </>
  );
}

/**
 * The details need the rest of the rule texts (rule-details.tsx): asked for now, below the
 * headline. Once they are there, the categories are drawn in a deferred render, in slices between
 * which the page stays responsive, as on the first draw.
 */
function DetailsOnceLoaded({ screening }: { screening: Screening }) {
  const { lang } = useApp();
  const texts = useDetails(lang);
  const ready = useDeferredValue(texts === 'ready');
  return ready ? <Details screening={screening} /> : <DetailsStatus state={texts} />;
}

/** The categories by group, the checklist, the family tree and what to do next. */
function Details({ screening }: { screening: Screening }) {
  const { t, i18n } = useTranslation();
  const { ruleSet, journey, asOf, lang, ensureLanguage, pro } = useApp();
  // The other pages' code, now that the results are drawn (main.tsx leaves it to this page).
  useEffect(() => preloadPagesWhenIdle(), []);
  const open = useMemo(
    () => openQuestionsByCategory(ruleSet, screening, journey.answers),
    [ruleSet, screening, journey.answers],
  );
  const rules = useMemo(() => new Map(ruleSet.rules.map((r) => [r.id, r])), [ruleSet]);
  const { grouped, matched } = groupResults(ruleSet, screening.results);
  const checklist = useMemo(() => documentChecklist(ruleSet, screening, [t]), [ruleSet, screening, t]);

  // In the law's language (Japanese), each category also shows its title in the default language
  // (English, locales/languages.json): those texts load on demand.
  const altLang = partnerOf(lang);
  const withAlt = isLawLanguage(lang) && altLang !== lang;
  const altTexts = useTexts(i18n, altLang, ensureLanguage, withAlt);
  const alt: AltTitles | undefined =
    withAlt && altTexts === 'ready' ? { t: i18n.getFixedT(altLang), lang: altLang } : undefined;

  return (
    <>
      {!matched && <NothingMatched hasLater={!!grouped.get('later')?.length} />}

      {groupOrder(grouped).map((g) => {
        const list = grouped.get(g) ?? [];
        if (!list.length) return null;
        return (
          <section key={g} className={`result-group result-group--${g}`} aria-labelledby={`group-${g}`} data-group={g}>
            <h2 className="heading-l" id={`group-${g}`}>
              {t(`ui.results.group.${g}.title`, { count: list.length })}
            </h2>
            <p className="result-group__intro">{t(`ui.results.group.${g}.intro`)}</p>
            {list.map((r) => (
              <CategoryCard
                key={r.id}
                result={r}
                screening={screening}
                rule={rules.get(r.id)}
                alt={alt}
                open={open.get(r.id) ?? []}
              />
            ))}
          </section>
        );
      })}

      <p className="meta">
        {t('engine.asOf', { date: formatDate(asOf, lang) })} ·{' '}
        {t('engine.rulesVersion', { checked: formatDate(ruleSet.version.checked, lang), hash: ruleSet.version.hash })}
      </p>
      <div className="no-print">
        <p className="sheet-link">
          <Link to={{ page: 'sheet' }}>{t('ui.sheet.link')}</Link>
        </p>
        <ProToggle />
        <ProPanel />
      </div>

      <SummaryCounts grouped={grouped} />

      <FamilyTree place="results" />

      <DocumentChecklist entries={checklist} t={t} lang={lang} pro={pro} headingId="checklist-title" />

      <NotEligibleList list={grouped.get('notEligible') ?? []} alt={alt} />

      <h2 className="heading-m">{t('ui.results.afterTitle')}</h2>
      <p>{t('ui.results.afterBody')}</p>
      <div className="button-group">
        <Link to={{ page: 'check' }} className="button button--secondary">
          {t('ui.results.changeAnswers')}
        </Link>
        <ClearAnswers label={t('ui.results.startAgain')} className="button button--warning" />
      </div>
      <p className="transfer-link">
        <Link to={{ page: 'save' }}>{t('ui.saveLink')}</Link>
      </p>
    </>
  );
}

/** The sensitive topics the person answered "yes" to (a DV question, a refugee claim): their helplines show under the headline. */
function answeredTopics(set: RuleSet, answers: Answers): string[] {
  return set.facts.filter((f) => f.sensitive && answers[f.id] === 'yes').map((f) => f.sensitive!);
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
  const { journey, ruleSet } = useApp();
  // Where a Certificate of Eligibility is applied for from (rules/parameters.yaml): abroad.
  const abroad = journey.answers[ruleSet.parameters.routeFacts.place] === ruleSet.parameters.routePlace.coe;
  const where = t('ui.results.none.where', { returnObjects: true }) as unknown as string[];
  return (
    <Section
      name="none"
      title={t('ui.results.none.title')}
      className="panel panel--none"
      headingClass="heading-l"
      data-group="none"
    >
      <p>{t('ui.results.none.why')}</p>
      {abroad && <p>{t('ui.results.none.abroad')}</p>}
      {hasLater && <p>{t('ui.results.none.later')}</p>}
      <h3 className="heading-s">{t('ui.results.none.whereTitle')}</h3>
      <ul className="list list--bullet">{Array.isArray(where) && where.map((w) => <li key={w}>{w}</li>)}</ul>
    </Section>
  );
}

function CategoryCard({
  result: r,
  screening,
  rule,
  alt,
  open,
}: {
  result: CategoryResult;
  screening: Screening;
  rule: Rule | undefined;
  alt?: AltTitles | undefined;
  open: string[];
}) {
  const { t } = useTranslation();
  const { lang, pro } = useApp();
  return (
    <article
      className={`category category--${r.verdict}${r.kind === 'redirect' ? ' category--redirect' : ''}`}
      aria-labelledby={`cat-${r.id}`}
      data-rule-id={r.id}
      data-verdict={r.verdict}
    >
      <Category
        result={r}
        rule={rule}
        t={t}
        lang={lang}
        pro={pro}
        alt={alt}
        open={open}
        deadline={r.deadline ? screening.deadlines.find((d) => d.id === r.deadline) : undefined}
      />
    </article>
  );
}

function NotEligibleList({ list, alt }: { list: CategoryResult[]; alt?: AltTitles | undefined }) {
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
              <CategoryTitle id={r.id} t={t} alt={alt} className="heading-s" />
              {/* Not eligible as the rules read, but an open point decides it (e.g. an adoptee aged 6 or over). */}
              {r.needsExpert && (
                <div className="expert">
                  <h4 className="heading-s">{t('engine.expert.title')}</h4>
                  <ExpertList r={r} t={t} lang={lang} />
                </div>
              )}
              {pro ? (
                <>
                  <p className="pro-meta">
                    {t('ui.pro.ruleId')}: <code className="pro-id">{r.id}</code>
                  </p>
                  <p className="pro-meta">{formatCitation(r.source, t, { lang, sources: true })}</p>
                  <Conditions lines={r.trace} source={r.source} t={t} lang={lang} pro={pro} />
                </>
              ) : (
                <Conditions lines={failing(r.trace)} t={t} lang={lang} pro={pro} />
              )}
            </div>
          ))}
        </div>
      </details>
    </section>
  );
}
