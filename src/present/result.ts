// Texts of one category result: condition lines, expert reasons, periods and routes.
// Pure functions of a result and a translate function, for the CLI and the web UI alike.
import type { CategoryResult, ExpertReason, Route, TraceLine, Truth } from '../engine/types';
import { formatDate } from './dates';
import { labelled, orList, plainList, sentences, type Translate } from './translate';

export const TRUTH_MARK: Record<Truth, string> = { met: '✓', not_met: '✗', unknown: '?' };

/**
 * The text key of a result's verdict label. A 告示外 (discretionary) category is never "Likely
 * eligible": ISA grants it case by case, so its label says so. The engine's verdict is unchanged.
 * `scope`: the set of labels (`engine.verdict`, or the family tree's short `ui.tree.verdict`).
 */
export function verdictLabelKey(
  result: Pick<CategoryResult, 'verdict' | 'discretionary'>,
  scope = 'engine.verdict',
): string {
  return `${scope}.${result.discretionary && result.verdict === 'eligible' ? 'discretionary' : result.verdict}`;
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

/** "Sources disagree on this point: <the line's sentence>" (a timing reason also gives the day the age limit is reached). */
export function expertReasonText(reason: ExpertReason, result: CategoryResult, t: Translate, lang: string): string {
  const line = findLine(result.trace, reason.key);
  return t(`engine.expert.${reason.why}`, {
    line: line ? lineText(line, t, lang) : t(reason.key),
    ...(reason.date && { date: formatDate(reason.date, lang) }),
  });
}

/** "5 years, 3 years, 1 year, 6 months" (empty when the category gives no period, e.g. redirects). */
export function periodsText(result: CategoryResult, t: Translate, lang: string): string {
  return plainList(
    result.periods.map((p) => t(`engine.period.${p}`)),
    lang,
  );
}

/**
 * "Certificate of Eligibility from abroad (…) — fits where you are", one per route, with its
 * caution (no status, a temporary visitor, a Technical Intern) and the category's own doubt about
 * the route (e.g. a change of status to 8号 inside Japan, which no source confirms).
 */
export function routeTexts(
  result: CategoryResult,
  t: Translate,
  lang: string,
): { route: Route; fits: Truth; mark: string; text: string; note?: string }[] {
  return result.routes.map(({ route, fits, note, doubt }) => {
    const notes = [note && t(`engine.routeNote.${note}`), doubt && t(doubt)].filter((x): x is string => !!x);
    return {
      route,
      fits,
      mark: TRUTH_MARK[fits],
      text: labelled(t(`engine.route.${route}`), t(`engine.routeFits.${fits}`), lang),
      ...(notes.length && { note: sentences(notes, lang) }),
    };
  });
}

/** Failing lines only, keeping the nesting down to the lines that fail (the folded "not eligible" list). */
export function failing(lines: TraceLine[]): TraceLine[] {
  return lines.filter((l) => l.truth === 'not_met').map((l) => ({ ...l, children: failing(l.children) }));
}

/**
 * A title as a name and a secondary line: "Parent raising a Japanese national's child" and
 * "告示外 日本人実子扶養定住", from "… (告示外 日本人実子扶養定住)" / 「…（告示外 日本人実子扶養定住）」.
 * `open` and `close` are the brackets as written, so that name + open + ref + close is the title.
 * A title without a closing aside is all name.
 */
export function splitTitle(title: string): { name: string; ref?: string; open?: string; close?: string } {
  const m = /^(.*\S)(\s*[(（])([^()（）]+)([)）])$/u.exec(title);
  return m ? { name: m[1]!, open: m[2]!, ref: m[3]!, close: m[4]! } : { name: title };
}
