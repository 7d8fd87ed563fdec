// The document checklist: for every category that fits or may fit, the documents that prove its
// conditions (the rule files' `documents: [{ doc, proves }]`), merged across categories so that a
// document needed by several categories is listed once, saying which conditions it proves for
// which category. Pure: a rule set, a screening and a translate function in, plain data out.
//
// When are two documents "the same"? Document ids are shared across rules (`marriage-certificate`,
// `birth-certificate`…), but an id names a kind of document, not always the same paper: the
// birth certificate of the applicant (告示6号) and of the applicant's Japanese child (告示外, custody)
// share an id, and so do the applicant's own marriage certificate and the parent's. The texts
// say whose document it is. So two entries merge when they have the same id and identical texts
// (the same document described the same way); entries with the same id but different texts stay
// apart, listed next to each other. tests/present/checklist.test.ts checks that English and Japanese
// texts agree on which entries are identical, so both languages merge the same way.
import type { CategoryResult, Rule, RuleSet, Screening, TraceLine, Truth } from '../engine/types';
import type { Translate } from './translate';

/** One condition a document proves: the category, the condition line and its state now. */
export interface ProvedCondition {
  ruleId: string;
  conditionId: string;
  /** Text key of the condition line (`rules.<id>.conditions.<c>` or `shared.<id>.conditions.<c>`). */
  key: string;
  /** `met`: the answers say so and the document proves it; `unknown`: the document would settle it. */
  truth: Exclude<Truth, 'not_met'>;
  /** The trace line (for its sentence: lineText), when the trace has it. */
  line?: TraceLine;
}

export interface ChecklistEntry {
  /** The document id of the rule files. */
  doc: string;
  /** Text keys `rules.<id>.documents.<doc>` of every merged rule document; all read the same. */
  textKeys: string[];
  /** What it proves, in category order, then in the order of the rule file. */
  proves: ProvedCondition[];
}

export interface RelevantDocument {
  doc: string;
  textKey: string;
  proves: ProvedCondition[];
}

/** The state of every condition line of a trace, by condition id (an id may appear twice). */
function truthsById(lines: TraceLine[], acc = new Map<string, { line: TraceLine; truths: Set<Truth> }>()) {
  for (const l of lines) {
    const seen = acc.get(l.id) ?? { line: l, truths: new Set<Truth>() };
    seen.truths.add(l.truth);
    acc.set(l.id, seen);
    truthsById(l.children, acc);
  }
  return acc;
}

/**
 * The documents of one category worth gathering: those proving a condition line that is met or
 * still open, each with only those conditions. A document for a branch that does not apply (e.g.
 * the lineage papers of a person who qualifies as a spouse) is left out.
 */
export function relevantDocuments(result: CategoryResult, rule: Rule | undefined): RelevantDocument[] {
  if (!rule) return [];
  const truths = truthsById(result.trace);
  const out: RelevantDocument[] = [];
  for (const d of rule.documents) {
    const proves: ProvedCondition[] = [];
    for (const id of d.proves) {
      const seen = truths.get(id);
      // A line missing from the trace is treated as open (the compiler checks the ids exist).
      const truth: Truth | undefined = !seen
        ? 'unknown'
        : seen.truths.has('met')
          ? 'met'
          : seen.truths.has('unknown')
            ? 'unknown'
            : undefined;
      if (!truth) continue;
      const p: ProvedCondition = {
        ruleId: rule.id,
        conditionId: id,
        key: seen?.line.key ?? `rules.${rule.id}.conditions.${id}`,
        truth,
      };
      if (seen) p.line = seen.line;
      proves.push(p);
    }
    if (proves.length) out.push({ doc: d.doc, textKey: `rules.${rule.id}.documents.${d.doc}`, proves });
  }
  return out;
}

/** Categories the checklist serves: likely eligible first, then possible, each in screening order. */
export function checklistCategories(set: RuleSet, screening: Screening): CategoryResult[] {
  const live = new Set(set.rules.filter((r) => !r.deleted).map((r) => r.id));
  const shown = screening.results.filter((r) => live.has(r.id));
  return [...shown.filter((r) => r.verdict === 'eligible'), ...shown.filter((r) => r.verdict === 'possible')];
}

/**
 * The merged checklist. `texts` are the languages compared (one is enough when English and
 * Japanese agree, as the tests check); entries whose document text is identical in every one of
 * them are one entry. Order: by the first category needing the document id, entries of the same
 * id together, each in order of first appearance.
 */
export function documentChecklist(set: RuleSet, screening: Screening, texts: Translate[]): ChecklistEntry[] {
  const rules = new Map(set.rules.map((r) => [r.id, r]));
  const byIdentity = new Map<string, ChecklistEntry>();
  const docRank = new Map<string, number>();
  for (const result of checklistCategories(set, screening)) {
    for (const d of relevantDocuments(result, rules.get(result.id))) {
      if (!docRank.has(d.doc)) docRank.set(d.doc, docRank.size);
      const identity = [d.doc, ...texts.map((t) => t(d.textKey))].join('\u0000');
      const entry = byIdentity.get(identity);
      if (!entry) {
        byIdentity.set(identity, { doc: d.doc, textKeys: [d.textKey], proves: [...d.proves] });
        continue;
      }
      if (!entry.textKeys.includes(d.textKey)) entry.textKeys.push(d.textKey);
      for (const p of d.proves)
        if (!entry.proves.some((q) => q.ruleId === p.ruleId && q.conditionId === p.conditionId)) entry.proves.push(p);
    }
  }
  // Map iteration keeps insertion order; a stable sort by document id rank puts variants together.
  return [...byIdentity.values()].sort((a, b) => docRank.get(a.doc)! - docRank.get(b.doc)!);
}

/** The conditions of an entry grouped by category, in order: [ruleId, conditions][]. */
export function provesByCategory(entry: ChecklistEntry): [string, ProvedCondition[]][] {
  const out = new Map<string, ProvedCondition[]>();
  for (const p of entry.proves) out.set(p.ruleId, [...(out.get(p.ruleId) ?? []), p]);
  return [...out];
}
