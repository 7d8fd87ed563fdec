// Texts of one category result: condition lines, expert reasons, periods and routes.
// Pure functions of a result and a translate function, for the CLI and the web UI alike.
import type { CategoryResult, ExpertReason, Route, TraceLine, Truth } from '../engine/types';
import { labelled, orList, plainList, type Translate } from './translate';

export const TRUTH_MARK: Record<Truth, string> = { met: '✓', not_met: '✗', unknown: '?' };

/**
 * The text key of a result's verdict label. A 告示外 (discretionary) category is never "Likely
 * eligible": ISA grants it case by case, so its label says so. The engine's verdict is unchanged.
 */
export function verdictLabelKey(result: Pick<CategoryResult, 'verdict' | 'discretionary'>): string {
  return result.discretionary && result.verdict === 'eligible'
    ? 'engine.verdict.discretionary'
    : `engine.verdict.${result.verdict}`;
}

/**
 * The text key of a result's summary. A redirect's summary states the facts that make the other
 * status fit; with a "possible" verdict the answers do not establish them, so it says what would
 * have to be true (`summaryPossible`).
 */
export function summaryKey(result: Pick<CategoryResult, 'id' | 'kind' | 'verdict'>): string {
  return `rules.${result.id}.${result.kind === 'redirect' && result.verdict === 'possible' ? 'summaryPossible' : 'summary'}`;
}

/** The sentence of a trace line; an exclusion line names the excluded categories by title. */
export function lineText(line: TraceLine, t: Translate, lang: string): string {
  if (!line.excludes) return t(line.key);
  const items = orList(
    line.excludes.map((id) => t(`rules.${id}.title`)),
    lang,
  );
  return line.wording ? t('engine.exclusion', { items, wording: line.wording }) : t('engine.exclusionPlain', { items });
}

function findLine(lines: TraceLine[], key: string): TraceLine | undefined {
  for (const l of lines) {
    if (l.key === key) return l;
    const inner = findLine(l.children, key);
    if (inner) return inner;
  }
  return undefined;
}

/** "Sources disagree on this point: <the line's sentence>". */
export function expertReasonText(reason: ExpertReason, result: CategoryResult, t: Translate, lang: string): string {
  const line = findLine(result.trace, reason.key);
  return t(`engine.expert.${reason.why}`, { line: line ? lineText(line, t, lang) : t(reason.key) });
}

/** "5 years, 3 years, 1 year, 6 months" (empty when the category gives no period, e.g. redirects). */
export function periodsText(result: CategoryResult, t: Translate, lang: string): string {
  return plainList(
    result.periods.map((p) => t(`engine.period.${p}`)),
    lang,
  );
}

/** "Certificate of Eligibility from abroad (…) — fits where you are", one per route, with its caution (no status, a temporary visitor). */
export function routeTexts(
  result: CategoryResult,
  t: Translate,
  lang: string,
): { route: Route; fits: Truth; mark: string; text: string; note?: string }[] {
  return result.routes.map(({ route, fits, note }) => ({
    route,
    fits,
    mark: TRUTH_MARK[fits],
    text: labelled(t(`engine.route.${route}`), t(`engine.routeFits.${fits}`), lang),
    ...(note && { note: t(`engine.routeNote.${note}`) }),
  }));
}
