// The trace of a rule: its condition lines (the nodes with an id) with their truth, citation and
// text key, as the results show them.
import { containsNode, childrenOf } from './tree';
import { F, UNKNOWN, type Out } from './truth';
import type { Citation, CondNode, Rule, RuleIndex, TraceLine } from './types';

/** The lines of a rule with the truths of `lines`; `facts` is the rule's RuleIndex.lineFacts. */
export function buildTrace(rule: Rule, lines: Map<number, Out>, facts: RuleIndex['lineFacts'][string]): TraceLine[] {
  // Into `out`: the lines of `node` (itself if it has an id, else its children's lines).
  const walk = (node: CondNode, inherited: Citation, out: TraceLine[]): void => {
    const cite = node.cite ?? inherited;
    if (node.id === undefined) {
      for (const c of childrenOf(node)) walk(c, cite, out);
      return;
    }
    const children: TraceLine[] = [];
    for (const c of childrenOf(node)) walk(c, cite, children);
    const res = lines.get(node.n) ?? UNKNOWN;
    const line: TraceLine = {
      n: node.n,
      id: node.id,
      key: textKey(rule, node),
      truth: res.truth,
      cite,
      facts: facts[node.n] ?? [],
      children,
    };
    if (node.confidence) line.confidence = node.confidence;
    if (node.op === 'any' && children.length > 1) line.any = true;
    if (res.truth === F && res.metFrom) line.metFrom = res.metFrom;
    if (node.op === 'exclusion') {
      line.excludes = node.excludes;
      if (node.wording) line.wording = node.wording;
    }
    out.push(line);
  };
  const out: TraceLine[] = [];
  walk(rule.condition, rule.source, out);
  return out;
}

/** The text key of a condition line (a node with an id). */
function textKey(rule: Rule, node: CondNode): string {
  return node.op === 'exclusion'
    ? 'engine.exclusion'
    : `${rule.scopes[node.n] ?? `rules.${rule.id}`}.conditions.${node.id}`;
}

export function lineKey(rule: Rule, table: CondNode[], n: number): string {
  // The nearest node with an id, walking up from n, names the doubt; else the rule itself.
  for (let i = n; i >= 0; i--) {
    const node = table[i];
    if (node?.id !== undefined && containsNode(node, n)) return textKey(rule, node);
  }
  return `rules.${rule.id}.title`;
}
