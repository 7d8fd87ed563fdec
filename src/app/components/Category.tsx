// One way to draw a category: the results page and the print sheet both use this component (the
// sheet once per language column, each with its own `t`). `print` switches the markup to the
// sheet's: the truth words written out (readable in black and white), no links to questions.
import { useApp } from '../context';
import { formatDate } from '../format';
import type { CategoryResult, Citation, Deadline, Rule, TraceLine } from '../../engine/types';
import {
  aside,
  colon,
  expertReasonText,
  formatCitation,
  lateSentence,
  lineText,
  periodsText,
  routeTexts,
  sameCitation,
  splitTitle,
  summaryKey,
  TRUTH_MARK,
  verdictLabelKey,
  type Translate,
} from '../../present';
import { ProId } from './DocumentChecklist';
import { Link } from './Link';
import { RuleGuidance } from './RuleGuidance';
import { Glossed } from './Glossary';

interface Common {
  t: Translate;
  lang: string;
  pro: boolean;
  /** The sheet's markup (print), or the results page's (screen). */
  print?: boolean;
}

/** The categories' titles in a second language (the results show them to a reader of the law's language). */
export interface AltTitles {
  t: Translate;
  lang: string;
}
/**
 * A category's title: its name, and the 告示 item or 告示外 as a secondary line; with `alt` (for a
 * reader of the law's language: Japanese), the title in another language (English) below.
 */
export function CategoryTitle({
  id,
  t,
  alt,
  print,
  level = 3,
  className,
  pro,
}: {
  id: string;
  t: Translate;
  alt?: AltTitles | undefined;
  print?: boolean;
  level?: 3 | 4;
  className?: string;
  pro?: boolean;
}) {
  const title = t(`rules.${id}.title`);
  const { name, ref, open, close } = splitTitle(title);
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <>
      <H
        className={className ?? (print ? 'heading-s sheet-category__title' : 'category__title heading-m')}
        id={print ? undefined : `cat-${id}`}
        aria-label={ref ? title : undefined}
      >
        {name}
        {ref && (
          <span className="category__ref">
            <span className="visually-hidden">{open}</span>
            {ref}
            <span className="visually-hidden">{close}</span>
          </span>
        )}
        {print && pro && <ProId label={t('ui.pro.ruleId')} id={id} />}
      </H>
      {alt && (
        <p className="category__alt-title" lang={alt.lang}>
          {alt.t(`rules.${id}.title`)}
        </p>
      )}
    </>
  );
}

/** A category's card: verdict, summary, doubts, conditions, source, periods, routes and next steps. */
export function Category({
  result: r,
  rule,
  t,
  lang,
  pro,
  print = false,
  alt,
  open = [],
  deadline,
}: Common & {
  result: CategoryResult;
  rule: Rule | undefined;
  alt?: AltTitles | undefined;
  /** Still-open questions that could decide it (screen only: they link to the questions). */
  open?: string[];
  /** The passed application window that caps it, if any. */
  deadline?: Deadline | undefined;
}) {
  const { journey, asOf } = useApp();
  const periods = periodsText(r, t, lang);
  const routes = routeTexts(r, t, lang);
  const isRedirect = r.kind === 'redirect';
  const label = print ? 'sheet-label' : 'heading-s';
  const redirect =
    isRedirect && r.redirectTo && t('ui.results.redirectTo', { status: t(`engine.status.${r.redirectTo}`) });
  return (
    <>
      <CategoryTitle id={r.id} t={t} alt={alt} print={print} pro={pro} />
      {print ? (
        <p className="sheet-category__verdict">
          <strong>{t(verdictLabelKey(r))}</strong> · {t(`engine.kind.${r.kind}`)}
          {r.needsExpert && <> · {t('engine.expert.title')}</>}
        </p>
      ) : (
        <>
          <p className="category__tags">
            <span className={`tag tag--${r.verdict}`}>{t(verdictLabelKey(r))}</span>
            <span className="tag tag--kind">{t(`engine.kind.${r.kind}`)}</span>
            {r.needsExpert && <span className="tag tag--expert">{t('engine.expert.title')}</span>}
          </p>
          {pro && (
            <p className="pro-meta">
              {t('ui.pro.ruleId')}: <code className="pro-id">{r.id}</code>
            </p>
          )}
        </>
      )}
      {redirect && (
        <p className="category__redirect">
          <strong>{redirect}</strong>
        </p>
      )}
      {deadline && (
        <p className="category__late" data-deadline={deadline.id}>
          <strong>{lateSentence(deadline, journey.answers, asOf, t, lang)}</strong>
        </p>
      )}
      <p className="category__summary">
        <Glossed text={t(summaryKey(r))} id={`summary:${r.id}`} />
      </p>
      {r.discretionary && <p className="category__discretionary">{t('engine.discretionary')}</p>}
      {r.nearMiss && (
        <p className="category__near-miss">
          <strong>{t('engine.nearMiss', { date: formatDate(r.nearMiss.date, lang) })}</strong>
        </p>
      )}
      {r.needsExpert &&
        (print ? (
          <ExpertList r={r} t={t} lang={lang} />
        ) : (
          <div className="expert">
            <h4 className="heading-s">{t('engine.expert.title')}</h4>
            <ExpertList r={r} t={t} lang={lang} />
          </div>
        ))}

      <h4 className={label}>{t('ui.results.conditions')}</h4>
      <Conditions lines={r.trace} source={r.source} t={t} lang={lang} pro={pro} print={print} owner={r.id} />
      {!print && open.length > 0 && (
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

      <dl className={print ? 'sheet-facts' : 'category__facts'}>
        <dt>{t('ui.results.source')}</dt>
        <dd>
          {formatCitation(r.source, t, { lang, sources: pro })}
          {rule && (
            <span className="category__confidence">{aside(t(`engine.confidence.${rule.confidence}`), lang)}</span>
          )}
        </dd>
        {periods && (
          <>
            <dt>{t('engine.periodsLabel')}</dt>
            <dd>
              {periods}
              {r.typicalPeriod && (
                <>
                  {print ? ' · ' : <br />}
                  {t('engine.typicalPeriod', { period: t(`engine.period.${r.typicalPeriod}`) })}
                </>
              )}
            </dd>
          </>
        )}
      </dl>

      {routes.length > 0 && (
        <>
          <h4 className={label}>{t('ui.results.howToApply')}</h4>
          <ul className={print ? 'sheet-routes' : 'routes'}>
            {routes.map((route) => (
              <li key={route.route} className={`routes__item routes__item--${route.fits}`} data-fits={route.fits}>
                <span className={print ? 'sheet-mark' : 'routes__mark'} aria-hidden="true">
                  {route.mark}
                </span>{' '}
                {route.text}
                {route.note && <span className="routes__note">{route.note}</span>}
              </li>
            ))}
          </ul>
          {r.discretionary && !print && <p className="hint">{t('ui.results.insideJapanOnly')}</p>}
        </>
      )}

      <RuleGuidance id={r.id} rule={rule} t={t} labelClass={label} />
    </>
  );
}

/** Why a category needs expert confirmation, one sentence per reason. */
export function ExpertList({ r, t, lang }: { r: CategoryResult; t: Translate; lang: string }) {
  return (
    <ul className="list list--bullet">
      {r.expertReasons.map((reason) => (
        <li key={`${reason.key}:${reason.why}`}>{expertReasonText(reason, r, t, lang)}</li>
      ))}
    </ul>
  );
}

/**
 * Condition lines ✓ / ✗ / ?, nested; where a rule needs any one of several conditions, they sit
 * under "at least one of these", so an alternative not met does not read as a missing requirement.
 * In the scrivener view with their ids, and their own citation where it differs from `source`.
 */
export function Conditions({
  lines,
  source,
  t,
  lang,
  pro,
  print = false,
  anyOf = false,
  owner = '',
}: Common & {
  lines: TraceLine[];
  source?: Citation | undefined;
  anyOf?: boolean;
  /** The category the lines belong to (a shared condition's line appears in several). */
  owner?: string;
}) {
  if (!lines.length) return null;
  const list = (
    <ul className={`${print ? 'sheet-trace' : 'trace'}${anyOf ? ' trace--any' : ''}`}>
      {lines.map((l) => (
        <li
          key={l.n}
          className={`trace__line trace__line--${l.truth}`}
          data-truth={l.truth}
          data-any={l.any ? '' : undefined}
        >
          <span className="trace__row">
            <span className={print ? 'sheet-mark' : 'trace__mark'} aria-hidden="true">
              {TRUTH_MARK[l.truth]}
            </span>
            {print && ' '}
            <span className="trace__text">
              {print ? (
                <span className="sheet-truth">{colon(t(`engine.truth.${l.truth}`), lang)}</span>
              ) : (
                <span className="visually-hidden">{colon(t(`engine.truth.${l.truth}`), lang)}</span>
              )}
              <Glossed text={lineText(l, t, lang)} id={`line:${owner}:${l.n}`} />
              {l.metFrom && (
                <span className="trace__met-from">
                  {' '}
                  {t('ui.results.metFrom', { date: formatDate(l.metFrom, lang) })}
                </span>
              )}
              {pro && <ProId label={t('ui.pro.conditionId')} id={l.id} />}
              {pro && source && !sameCitation(l.cite, source) && (
                <span className="trace__cite">
                  {' '}
                  {t('ui.pro.lineCite', { cite: formatCitation(l.cite, t, { lang, sources: true }) })}
                </span>
              )}
            </span>
          </span>
          <Conditions
            lines={l.children}
            source={l.cite}
            t={t}
            lang={lang}
            pro={pro}
            print={print}
            anyOf={!!l.any}
            owner={owner}
          />
        </li>
      ))}
    </ul>
  );
  if (!anyOf) return list;
  return (
    <div className="trace-any">
      <p className="trace-any__label">{t('ui.results.anyOf')}</p>
      {list}
    </div>
  );
}
