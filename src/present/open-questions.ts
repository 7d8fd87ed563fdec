// Which still-open questions decide each "possible" category: the facts of its unknown condition
// lines (and of the unknown categories it refers to), among the engine's nextQuestions.
import { nextQuestions, nodeTable, refsOf } from '../engine';
import type { Answers, CategoryResult, CondNode, RuleSet, Screening, TraceLine } from '../engine';

/** Facts read by the unknown lines of `lines`: the deepest unknown lines, plus each line's own leaves. */
function unknownFacts(lines: TraceLine[], table: CondNode[], facts: Set<string>, refs: Set<string>): void {
  for (const line of lines) {
    if (line.truth !== 'unknown') continue;
    const inChildren = new Set(line.children.flatMap((c) => c.facts));
    for (const f of line.facts) if (!inChildren.has(f)) facts.add(f);
    const node = table[line.n];
    if (node) for (const r of refsOf(node)) refs.add(r);
    unknownFacts(line.children, table, facts, refs);
  }
}

/**
 * For every category whose verdict is "possible": the unanswered facts (in question order) whose
 * answer could still decide it. Categories that are already decided get no entry.
 */
export function openQuestionsByCategory(set: RuleSet, screening: Screening, answers: Answers): Map<string, string[]> {
  const open = nextQuestions(set, answers, screening.asOf);
  const byId = new Map<string, CategoryResult>(screening.results.map((r) => [r.id, r]));
  const rules = new Map(set.rules.map((r) => [r.id, r]));

  const factsOf = (id: string, seen: Set<string>, facts: Set<string>) => {
    const result = byId.get(id);
    const rule = rules.get(id);
    if (seen.has(id) || !result || !rule || result.verdict !== 'possible') return;
    seen.add(id);
    const refs = new Set<string>();
    unknownFacts(result.trace, nodeTable(rule.condition), facts, refs);
    for (const r of refs) factsOf(r, seen, facts);
  };

  const out = new Map<string, string[]>();
  for (const result of screening.results) {
    if (result.verdict !== 'possible') continue;
    const facts = new Set<string>();
    factsOf(result.id, new Set(), facts);
    out.set(
      result.id,
      open.filter((f) => facts.has(f)),
    );
  }
  return out;
}
