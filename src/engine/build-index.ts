// The lookups the engine reads, built once from the rules when they are compiled (the compiler
// calls buildIndex) and shipped with them as plain data: no cache is made while the engine runs.
// Tests that write a rule set by hand give it the same index with indexed().
import { premiseAges, premiseFacts } from './premises';
import { childrenOf, refsOf } from './tree';
import type { CondNode, RuleIndex, RuleSet } from './types';

/** The facts a node reads (directly or below it). */
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

/**
 * The rules (positions in `rules`) whose verdict may change when `fact` changes: its readers, the
 * readers of the questions whose premise names it (its answer opens or closes them, e.g. a child's
 * birth date and whether the child is unmarried), and, transitively, the rules that refer to them.
 */
function affects(set: Omit<RuleSet, 'index'>, fact: string): number[] {
  const facts = new Set([fact]);
  for (const f of set.facts)
    // premises name earlier questions only: one pass in catalogue order
    if (f.premise && premiseFacts(f.premise).some((p) => facts.has(p))) facts.add(f.id);
  const out = new Set(set.facts.filter((f) => facts.has(f.id)).flatMap((f) => f.readBy));
  // evaluation order is topological: a rule comes after those it refers to
  for (const rule of set.rules) if (refsOf(rule.condition).some((r) => out.has(r))) out.add(rule.id);
  return set.rules.flatMap((r, i) => (out.has(r.id) ? [i] : []));
}

const LEVEL_OF = { you: 0, parent: 1, grandparent: 2, 'great-grandparent': 3 } as const;

function lineageOf(set: Omit<RuleSet, 'index'>): RuleIndex['lineage'] {
  const out: RuleIndex['lineage'] = { gate: '', link: {}, registered: {}, all: [], followOns: [] };
  for (const f of set.facts) {
    const role = f.lineage;
    if (!role) continue;
    if (role === 'gate') out.gate = f.id;
    else if (role.says === 'born') out.born = f.id;
    else (role.says === 'registered' ? out.registered : out.link)[LEVEL_OF[role.person]] = f.id;
    if (role === 'gate' || role.says !== 'born') out.all.push(f.id);
  }
  out.followOns = set.rules.filter((r) => r.lineage === 'follow-on').map((r) => r.id);
  return out;
}

export function buildIndex(set: Omit<RuleSet, 'index'>): RuleIndex {
  const premised = set.facts.flatMap((f, i) => (f.premise ? [i] : []));
  const dates = new Set(set.facts.filter((f) => f.type === 'date').map((f) => f.id));
  const lineFacts: RuleIndex['lineFacts'] = {};
  const leaves: RuleIndex['leaves'] = {};
  for (const rule of set.rules) {
    const lines: Record<number, string[]> = (lineFacts[rule.id] = {});
    // Bottom-up: the facts a node reads are those of its children (leaves read their own).
    const walk = (node: CondNode): Set<string> => {
      const kids = childrenOf(node);
      const read = kids.length ? new Set(kids.flatMap((c) => [...walk(c)])) : factsRead(node);
      if (node.id !== undefined) lines[node.n] = [...read].sort();
      if (!kids.length) for (const f of read) if (dates.has(f)) ((leaves[f] ??= {})[rule.id] ??= []).push(node.n);
      return read;
    };
    walk(rule.condition);
  }
  for (const byRule of Object.values(leaves)) for (const ns of Object.values(byRule)) ns.sort((a, b) => a - b);
  return {
    affects: Object.fromEntries(set.facts.map((f) => [f.id, affects(set, f.id)])),
    premised,
    premiseNamed: [...new Set(premised.flatMap((i) => premiseFacts(set.facts[i]!.premise!)))],
    ageFacts: [...new Set(premised.flatMap((i) => premiseAges(set.facts[i]!.premise!)))],
    windowFacts: [...new Set(set.deadlines.filter((d) => d.kind === 'apply').flatMap((d) => d.from))],
    lineFacts,
    leaves,
    lineage: lineageOf(set),
  };
}

/** A rule set with its index, for rule sets written by hand (tests). */
export function indexed(set: Omit<RuleSet, 'index'>): RuleSet {
  return { ...set, index: buildIndex(set) };
}
