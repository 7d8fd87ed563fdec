// The trace of a rule: its condition lines (the nodes with an id) with their truth, citation and
// text key, as the results show them. The static shape is made once per rule.
import { factsOf } from './lookups';
import { containsNode, childrenOf } from './tree';
import { F, UNKNOWN, type Out } from './truth';
import type { Citation, CondNode, Rule, TraceLine } from './types';

/** The static part of a trace line: everything but its truth, computed once per node. */
interface LineShape {
  node: CondNode;
  id: string;
  key: string;
  cite: Citation;
  facts: string[];
  children: LineShape[];
}
const shapes = new WeakMap<Rule, LineShape[]>();

function shapeOf(rule: Rule, node: CondNode, inherited: Citation): LineShape[] {
  const cite = node.cite ?? inherited;
  const children = childrenOf(node).flatMap((c) => shapeOf(rule, c, cite));
  if (node.id === undefined) return children;
  return [{ node, id: node.id, key: textKey(rule, node), cite, facts: factsOf(node), children }];
}

export function buildTrace(rule: Rule, lines: Map<number, Out>): TraceLine[] {
  let shape = shapes.get(rule);
  if (!shape) shapes.set(rule, (shape = shapeOf(rule, rule.condition, rule.source)));
  const fill = (s: LineShape): TraceLine => {
    const out = lines.get(s.node.n) ?? UNKNOWN;
    const line: TraceLine = {
      n: s.node.n,
      id: s.id,
      key: s.key,
      truth: out.truth,
      cite: s.cite,
      facts: s.facts,
      children: s.children.map(fill),
    };
    if (s.node.confidence) line.confidence = s.node.confidence;
    if (s.node.op === 'any' && s.children.length > 1) line.any = true;
    if (out.truth === F && out.metFrom) line.metFrom = out.metFrom;
    if (s.node.op === 'exclusion') {
      line.excludes = s.node.excludes;
      if (s.node.wording) line.wording = s.node.wording;
    }
    return line;
  };
  return shape.map(fill);
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
