// The groups of the results page (and the sheet), from a category's result. Pure.
import type { CategoryResult, RuleSet } from '../engine/types';

export type ResultGroup = 'redirect' | 'eligible' | 'possible' | 'caseByCase' | 'later' | 'notEligible';

/** Which group of the results page a category belongs to; 'notEligible' is the folded list. */
export function groupOf(r: CategoryResult): ResultGroup {
  if (r.verdict === 'not_eligible') return r.nearMiss ? 'later' : 'notEligible';
  if (r.discretionary) return 'caseByCase';
  if (r.kind === 'redirect' && r.verdict === 'eligible') return 'redirect';
  return r.verdict === 'eligible' ? 'eligible' : 'possible';
}

/**
 * The categories by group, in screening order, leaving out deleted items (告示2号); and whether
 * anything matched (a group above "later" and "not eligible" has a category).
 */
export function groupResults(
  set: RuleSet,
  results: CategoryResult[],
): { grouped: Map<ResultGroup, CategoryResult[]>; matched: boolean } {
  const deleted = new Set(set.rules.filter((r) => r.deleted).map((r) => r.id));
  const grouped = new Map<ResultGroup, CategoryResult[]>();
  for (const r of results) if (!deleted.has(r.id)) grouped.set(groupOf(r), [...(grouped.get(groupOf(r)) ?? []), r]);
  const matched = (['redirect', 'eligible', 'possible', 'caseByCase'] as const).some((g) => grouped.get(g)?.length);
  return { grouped, matched };
}

/** Whether a category of Long-Term Resident itself (not a redirect) is likely eligible. */
export function ownLikely(grouped: Map<ResultGroup, CategoryResult[]>): boolean {
  return (['eligible', 'caseByCase'] as const).some((g) => grouped.get(g)?.some((r) => r.verdict === 'eligible'));
}

/**
 * The groups of matching categories in the order the results show them: when a category of
 * Long-Term Resident is likely eligible, the Long-Term Resident groups come first and another
 * status that fits after them (a DV victim still married to a Japanese national reads 定住者
 * first); otherwise the other status comes first.
 */
export function groupOrder(grouped: Map<ResultGroup, CategoryResult[]>): ResultGroup[] {
  return ownLikely(grouped)
    ? ['eligible', 'possible', 'caseByCase', 'redirect', 'later']
    : ['redirect', 'eligible', 'possible', 'caseByCase', 'later'];
}
