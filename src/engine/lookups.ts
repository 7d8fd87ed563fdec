// Lookups over the compiled rules, made once per rule set or rule and kept (their objects are
// never changed): which rules a fact can affect, a rule's nodes by number, the facts a node reads,
// a rule's order.
import { premiseFacts } from './premises';
import { childrenOf, refsOf } from './tree';
import type { CondNode, Rule, RuleSet } from './types';

const dependents = new WeakMap<RuleSet, Map<string, Set<string>>>();
/**
 * The rules whose verdict may change when `fact` changes: its readers, the readers of the
 * questions whose premise names it (its answer opens or closes them, e.g. a child's birth date
 * and whether the child is unmarried), and, transitively, the rules that refer to them.
 */
export function affectedBy(set: RuleSet, fact: string): Set<string> {
  let byFact = dependents.get(set);
  if (!byFact) {
    byFact = new Map();
    dependents.set(set, byFact);
  }
  let out = byFact.get(fact);
  if (out) return out;
  const refs = new Map(set.rules.map((r) => [r.id, refsOf(r.condition)]));
  const facts = new Set([fact]);
  for (const f of set.facts)
    // premises name earlier questions only: one pass in catalogue order
    if (f.premise && premiseFacts(f.premise).some((p) => facts.has(p))) facts.add(f.id);
  out = new Set(set.facts.filter((f) => facts.has(f.id)).flatMap((f) => f.readBy));
  for (const rule of set.rules) if ((refs.get(rule.id) ?? []).some((r) => out.has(r))) out.add(rule.id); // evaluation order is topological
  byFact.set(fact, out);
  return out;
}

function nodesOf(node: CondNode, acc: CondNode[] = []): CondNode[] {
  acc[node.n] = node;
  for (const c of childrenOf(node)) nodesOf(c, acc);
  return acc;
}

const nodeTables = new WeakMap<Rule, CondNode[]>();
export function nodeTable(rule: Rule): CondNode[] {
  let table = nodeTables.get(rule);
  if (!table) nodeTables.set(rule, (table = nodesOf(rule.condition)));
  return table;
}

const readCache = new WeakMap<CondNode, string[]>();
/** The facts a node reads, sorted; cached per node. */
export function factsOf(node: CondNode): string[] {
  let list = readCache.get(node);
  if (!list) readCache.set(node, (list = [...factsRead(node)].sort()));
  return list;
}

export function factsRead(node: CondNode, acc = new Set<string>()): Set<string> {
  switch (node.op) {
    case 'between':
      for (const f of [node.from, node.to].flat()) if (f !== '$asOf') acc.add(f);
      break;
    case 'age':
      acc.add(node.fact);
      if (node.at) acc.add(node.at);
      break;
    case 'in':
    case 'since':
    case 'date':
      if (node.fact !== '$asOf') acc.add(node.fact);
      break;
    default:
      for (const c of childrenOf(node)) factsRead(c, acc);
  }
  return acc;
}

const orders = new WeakMap<RuleSet, Map<string, number>>();
export function orderOf(set: RuleSet, id: string): number {
  let map = orders.get(set);
  if (!map) orders.set(set, (map = new Map(set.rules.map((r) => [r.id, r.order]))));
  return map.get(id) ?? 0;
}
