// The headline of the results: for each route that fits, one plain sentence (what status, which
// application, where, by when) and one primary action, an official link of rules/links.yaml.
// Pure: the results page, the sheet and the CLI print the same sentences.
import type { CategoryResult, Deadline, Route, RuleSet, Screening } from '../engine/types';
import { formatDate, windowSpan, spanBetween, type Span } from './dates';
import { groupResults, ownLikely } from './groups';
import type { LinkSet, OfficialLink } from './links';
import { sentences, type Translate } from './translate';

export type HeadlineTone = 'fits' | 'maybe' | 'late' | 'other' | 'none';

export interface HeadlineItem {
  /** The category the item is about (none when nothing fits). */
  ruleId?: string;
  tone: HeadlineTone;
  /** Plain sentences, in reading order. */
  sentences: string[];
  /** The one primary action: an official page (or helpline) to open. */
  action?: OfficialLink;
}

export interface Headline {
  items: HeadlineItem[];
  /** Categories that fit but are not in the headline (shown on the cards below). */
  more: number;
  /** Duties to report with a date (kind 'notify'): one sentence each. */
  notices: string[];
}

/** At most this many items: the headline answers first, the cards below give the detail. */
export const HEADLINE_MAX = 3;

/** "2 years 8 months" / 「2年8か月」. */
export function spanText(s: Span, t: Translate, lang: string): string {
  const parts: string[] = [];
  if (s.years) parts.push(t('ui.headline.span.years', { count: s.years }));
  if (s.months) parts.push(t('ui.headline.span.months', { count: s.months }));
  if (s.days || !parts.length) parts.push(t('ui.headline.span.days', { count: s.days }));
  return sentences(parts, lang);
}

/** The route a headline sentence names: the first that fits where the person is, else the first not ruled out. */
export function headlineRoute(r: CategoryResult): Route | undefined {
  return (r.routes.find((x) => x.fits === 'met') ?? r.routes.find((x) => x.fits === 'unknown'))?.route;
}

/** A text that may be missing (the deadline texts of locales/<lang>/deadlines.json): undefined when it is. */
function optional(t: Translate, key: string, values: Record<string, unknown>): string | undefined {
  const text = t(key, { ...values, defaultValue: '' });
  return text && text !== key ? text : undefined;
}

/**
 * The sentences of a passed application window: how long ago the date it counts from was, then
 * the deadline's own text (locales/<lang>/deadlines.json `passed`), or a plain one with the length
 * of the window and the day it ended.
 */
export function lateSentence(d: Deadline, answers: Record<string, unknown>, asOf: string, t: Translate, lang: string) {
  const fromDate = typeof answers[d.from] === 'string' ? (answers[d.from] as string) : undefined;
  const values = {
    date: formatDate(d.date, lang),
    from: t(`ui.dateName.${d.from}`, { defaultValue: t('ui.headline.fromDefault') }),
    fromDate: fromDate ? formatDate(fromDate, lang) : '',
    elapsed: fromDate ? spanText(spanBetween(fromDate, asOf), t, lang) : '',
    window: fromDate ? spanText(windowSpan(fromDate, d.date), t, lang) : '',
  };
  const own = optional(t, `deadlines.${d.id}.passed`, values);
  if (!own) return t(fromDate ? 'ui.headline.late' : 'ui.headline.lateNoDate', values);
  if (!fromDate) return own;
  const since = optional(t, `ui.headline.since.${d.from}`, values) ?? t('ui.headline.since.other', values);
  return sentences([since, own], lang);
}

function applyDeadline(s: Screening, r: CategoryResult): Deadline | undefined {
  if (r.deadline) return s.deadlines.find((d) => d.id === r.deadline);
  return s.deadlines.find((d) => d.kind === 'apply' && !d.passed && d.rules.includes(r.id));
}

function item(
  s: Screening,
  r: CategoryResult,
  answers: Record<string, unknown>,
  links: LinkSet,
  t: Translate,
  lang: string,
): HeadlineItem {
  const category = t(`rules.${r.id}.title`);
  if (r.kind === 'redirect') {
    return {
      ruleId: r.id,
      tone: 'other',
      sentences: [
        t('ui.headline.redirect', { status: t(`engine.status.${r.redirectTo ?? ''}`, { defaultValue: category }) }),
      ],
      action: links.links['isa-regional-bureaus'],
    };
  }
  const deadline = applyDeadline(s, r);
  const late = deadline?.passed ? deadline : undefined;
  const status = t(
    late
      ? 'ui.headline.status.late'
      : r.verdict === 'eligible'
        ? 'ui.headline.status.eligible'
        : 'ui.headline.status.possible',
    { category },
  );
  const sentences = r.discretionary ? [status, t('ui.headline.discretionary')] : [status];
  const route = headlineRoute(r);
  if (late) {
    sentences.push(lateSentence(late, answers, s.asOf, t, lang));
    return { ruleId: r.id, tone: 'late', sentences, action: links.links['scrivener-search'] };
  }
  sentences.push(t(route ? `ui.headline.route.${route}` : 'ui.headline.route.none'));
  if (deadline) {
    const date = formatDate(deadline.date, lang);
    sentences.push(optional(t, `deadlines.${deadline.id}.due`, { date }) ?? t('ui.headline.applyBy', { date }));
  }
  // A window the law excuses (e.g. living apart because of DV): said, capping nothing.
  for (const d of s.deadlines)
    if (d.excused && d.rules.includes(r.id)) {
      const excused = optional(t, `deadlines.${d.id}.excused`, {});
      if (excused) sentences.push(excused);
    }
  const linkId = route ? links.routes[route] : undefined;
  return {
    ruleId: r.id,
    tone: r.verdict === 'eligible' ? 'fits' : 'maybe',
    sentences,
    action: (linkId && links.links[linkId]) || links.links.fresc,
  };
}

/**
 * The headline of a screening: the Long-Term Resident categories that fit (likely first, then
 * possible and case by case) and other statuses that fit, in the order of the cards; a category whose application window
 * has passed says so and points to a scrivener; when nothing fits, where to ask.
 */
export function headline(
  set: RuleSet,
  s: Screening,
  answers: Record<string, unknown>,
  links: LinkSet,
  t: Translate,
  lang: string,
): Headline {
  const { grouped } = groupResults(set, s.results);
  const own = [
    ...(grouped.get('eligible') ?? []),
    ...(grouped.get('possible') ?? []),
    ...(grouped.get('caseByCase') ?? []),
  ];
  // Likely eligible first (a passed window makes a category at best "possible"), in screening order.
  own.sort((a, b) => Number(b.verdict === 'eligible') - Number(a.verdict === 'eligible'));
  const redirects = grouped.get('redirect') ?? [];
  // The same order as the cards (groupOrder): another status first only when no category of
  // Long-Term Resident is likely.
  const all = ownLikely(grouped) ? [...own, ...redirects] : [...redirects, ...own];
  const items = all.slice(0, HEADLINE_MAX).map((r) => item(s, r, answers, links, t, lang));
  if (!items.length)
    items.push({
      tone: 'none',
      sentences: [t('ui.headline.none'), t('ui.headline.noneNext')],
      action: links.links.fresc,
    });
  const notices = s.deadlines
    .filter((d) => d.kind === 'notify')
    .map((d) => {
      const values = {
        date: formatDate(d.date, lang),
        from: t(`ui.dateName.${d.from}`, { defaultValue: t('ui.headline.fromDefault') }),
      };
      return (
        optional(t, `deadlines.${d.id}.${d.passed ? 'passed' : 'due'}`, values) ??
        t(d.passed ? 'ui.headline.notifyPassed' : 'ui.headline.notify', values)
      );
    });
  return { items, more: Math.max(0, all.length - HEADLINE_MAX), notices };
}
