// Three-valued (Kleene) evaluation of the compiled rules: every condition is met, not met or
// unknown; a rule is eligible (met), possible (unknown) or not eligible (not met).
import { addDays, addDuration, ageOn, ageOfMajority, birthday, isValidDate } from './dates';
import type {
  Answers,
  CategoryResult,
  Citation,
  CondNode,
  ExpertReason,
  Route,
  Rule,
  RuleSet,
  Screening,
  TraceLine,
  Truth,
  Verdict,
} from './types';

const T: Truth = 'met';
const F: Truth = 'not_met';
const U: Truth = 'unknown';

export const verdictOf = (t: Truth): Verdict => (t === T ? 'eligible' : t === F ? 'not_eligible' : 'possible');
const truthOf = (v: Verdict): Truth => (v === 'eligible' ? T : v === 'not_eligible' ? F : U);

/** Where the person must be for a route to fit. */
const ROUTE_PLACE: Record<Route, 'abroad' | 'in_japan'> = {
  coe: 'abroad',
  landing: 'abroad',
  selection: 'abroad',
  change: 'in_japan',
  acquisition: 'in_japan',
  renewal: 'in_japan',
};
export const LOCATION_FACT = 'location';

interface Out {
  truth: Truth;
  metFrom?: string;
}

type Doubt = { n: number; why: ExpertReason['why'] };

interface Ctx {
  answers: Answers;
  asOf: string;
  verdicts: Map<string, Verdict>;
  overrides?: Map<number, Truth>;
  doubts?: Doubt[];
  lines?: Map<number, Out>;
}

function known(answers: Answers, fact: string): string | number | undefined {
  const v = answers[fact];
  return v === undefined || v === 'unknown' ? undefined : v;
}

function knownDate(answers: Answers, fact: string): string | undefined {
  const v = known(answers, fact);
  return typeof v === 'string' && isValidDate(v) ? v : undefined;
}

function evalNode(node: CondNode, ctx: Ctx): Out {
  const forced = ctx.overrides?.get(node.n);
  const out = forced ? { truth: forced } : evalInner(node, ctx);
  if (ctx.doubts && (node.confidence === 'uncertain' || node.confidence === 'disputed'))
    ctx.doubts.push({ n: node.n, why: node.confidence });
  else if (ctx.doubts && node.askExpert) ctx.doubts.push({ n: node.n, why: 'ask' });
  if (ctx.lines && node.id !== undefined) ctx.lines.set(node.n, out);
  return out;
}

function evalInner(node: CondNode, ctx: Ctx): Out {
  const { answers, asOf } = ctx;
  switch (node.op) {
    case 'all': {
      const outs = node.of.map((c) => evalNode(c, ctx));
      const failing = outs.filter((o) => o.truth === F);
      if (failing.length) {
        // Waiting helps only if every failing part has a date from which it is met.
        const dates = failing.map((o) => o.metFrom);
        const metFrom = dates.every((d) => d !== undefined) ? dates.sort().at(-1) : undefined;
        return { truth: F, metFrom };
      }
      return { truth: outs.some((o) => o.truth === U) ? U : T };
    }
    case 'any': {
      const outs = node.of.map((c) => evalNode(c, ctx));
      if (outs.some((o) => o.truth === T)) return { truth: T };
      if (outs.some((o) => o.truth === U)) return { truth: U };
      const dates = outs.map((o) => o.metFrom).filter((d): d is string => d !== undefined);
      return { truth: F, metFrom: dates.sort()[0] };
    }
    case 'not': {
      const t = evalNode(node.of, ctx).truth;
      return { truth: t === T ? F : t === F ? T : U };
    }
    case 'use':
    case 'exclusion':
      return evalNode(node.of, ctx);
    case 'rule': {
      const v = ctx.verdicts.get(node.rule);
      return { truth: v ? truthOf(v) : U };
    }
    case 'in': {
      const v = known(answers, node.fact);
      if (v === undefined) return { truth: U };
      if (typeof v === 'string' && node.unclear?.includes(v)) {
        ctx.doubts?.push({ n: node.n, why: 'unclear' });
        return { truth: U };
      }
      if (typeof v === 'string' && node.expertWhen?.includes(v)) ctx.doubts?.push({ n: node.n, why: 'ask' });
      return { truth: node.values.includes(v) ? T : F };
    }
    case 'age': {
      const birth = knownDate(answers, node.fact);
      const on = node.at ? knownDate(answers, node.at) : asOf;
      if (!birth || !on || on < birth) return { truth: U };
      const age = ageOn(birth, on);
      if (node.minor) return { truth: age < ageOfMajority(on) ? T : F };
      if (node.under !== undefined) return { truth: age < node.under ? T : F };
      const min = node.atLeast ?? 0;
      if (age >= min) return { truth: T };
      return { truth: F, metFrom: node.at ? undefined : birthday(birth, min) };
    }
    case 'since': {
      const d = knownDate(answers, node.fact);
      if (!d) return { truth: U };
      const from = addDays(addDuration(d, node.passed), 1);
      return asOf >= from ? { truth: T } : { truth: F, metFrom: from };
    }
    case 'between': {
      const from = knownDate(answers, node.from);
      const to = node.to === '$asOf' ? asOf : knownDate(answers, node.to);
      if (!from || !to) return { truth: U };
      const due = addDuration(from, node.atLeast);
      if (to >= due) return { truth: T };
      if (node.tolerance && addDuration(to, node.tolerance) >= due) {
        ctx.doubts?.push({ n: node.n, why: 'borderline' });
        return { truth: U };
      }
      return { truth: F, metFrom: node.to === '$asOf' ? due : undefined };
    }
    case 'date': {
      const d = knownDate(answers, node.fact);
      if (!d) return { truth: U };
      if (node.before !== undefined && !(d < node.before)) return { truth: F };
      if (node.onOrAfter !== undefined && !(d >= node.onOrAfter)) return { truth: F };
      return { truth: T };
    }
    case 'number': {
      const v = known(answers, node.fact);
      if (typeof v !== 'number') return { truth: U };
      if (node.atLeast !== undefined && v < node.atLeast) return { truth: F };
      if (node.below !== undefined && v >= node.below) return { truth: F };
      return { truth: T };
    }
  }
}

function ruleOut(rule: Rule, ctx: Ctx): Out {
  if (rule.deleted) return { truth: F };
  if (ctx.asOf < rule.inForce.from || (rule.inForce.to !== undefined && ctx.asOf > rule.inForce.to))
    return { truth: F };
  return evalNode(rule.condition, ctx);
}

/** Verdicts only, in evaluation order (references point to earlier rules). The fast path. */
export function verdicts(set: RuleSet, answers: Answers, asOf: string, overrides?: Map<string, Map<number, Truth>>) {
  const map = new Map<string, Verdict>();
  const ctx: Ctx = { answers, asOf, verdicts: map };
  for (const rule of set.rules) {
    ctx.overrides = overrides?.get(rule.id);
    map.set(rule.id, verdictOf(ruleOut(rule, ctx).truth));
  }
  return map;
}

function nodesOf(node: CondNode, acc: CondNode[] = []): CondNode[] {
  acc[node.n] = node;
  if (node.op === 'all' || node.op === 'any') node.of.forEach((c) => nodesOf(c, acc));
  else if (node.op === 'not' || node.op === 'use' || node.op === 'exclusion') nodesOf(node.of, acc);
  return acc;
}

const nodeTables = new WeakMap<Rule, CondNode[]>();
export function nodeTable(rule: Rule): CondNode[] {
  let table = nodeTables.get(rule);
  if (!table) nodeTables.set(rule, (table = nodesOf(rule.condition)));
  return table;
}

export function factsRead(node: CondNode, acc = new Set<string>()): Set<string> {
  switch (node.op) {
    case 'all':
    case 'any':
      node.of.forEach((c) => factsRead(c, acc));
      break;
    case 'not':
    case 'use':
    case 'exclusion':
      factsRead(node.of, acc);
      break;
    case 'between':
      acc.add(node.from);
      if (node.to !== '$asOf') acc.add(node.to);
      break;
    case 'age':
      acc.add(node.fact);
      if (node.at) acc.add(node.at);
      break;
    case 'rule':
      break;
    default:
      acc.add(node.fact);
  }
  return acc;
}

function buildTrace(rule: Rule, node: CondNode, lines: Map<number, Out>, inherited: Citation): TraceLine[] {
  const cite = node.cite ?? inherited;
  const children: TraceLine[] = [];
  if (node.op === 'all' || node.op === 'any')
    node.of.forEach((c) => children.push(...buildTrace(rule, c, lines, cite)));
  else if (node.op === 'not' || node.op === 'use' || node.op === 'exclusion')
    children.push(...buildTrace(rule, node.of, lines, cite));
  if (node.id === undefined) return children;
  const out = lines.get(node.n) ?? { truth: U };
  const line: TraceLine = {
    n: node.n,
    id: node.id,
    key:
      node.op === 'exclusion'
        ? 'engine.exclusion'
        : `${rule.scopes[node.n] ?? `rules.${rule.id}`}.conditions.${node.id}`,
    truth: out.truth,
    cite,
    facts: [...factsRead(node)].sort(),
    children,
  };
  if (node.confidence) line.confidence = node.confidence;
  if (out.truth === F && out.metFrom) line.metFrom = out.metFrom;
  if (node.op === 'exclusion') {
    line.excludes = node.excludes;
    if (node.wording) line.wording = node.wording;
  }
  return [line];
}

function lineKey(rule: Rule, table: CondNode[], n: number): string {
  // The nearest node with an id, walking up from n, names the doubt; else the rule itself.
  for (let i = n; i >= 0; i--) {
    const node = table[i];
    if (node?.id !== undefined && containsNode(node, n))
      return node.op === 'exclusion'
        ? 'engine.exclusion'
        : `${rule.scopes[node.n] ?? `rules.${rule.id}`}.conditions.${node.id}`;
  }
  return `rules.${rule.id}.title`;
}

function containsNode(node: CondNode, n: number): boolean {
  if (node.n === n) return true;
  if (node.op === 'all' || node.op === 'any') return node.of.some((c) => containsNode(c, n));
  if (node.op === 'not' || node.op === 'use' || node.op === 'exclusion') return containsNode(node.of, n);
  return false;
}

function routesFor(rule: Rule, answers: Answers): CategoryResult['routes'] {
  const where = known(answers, LOCATION_FACT);
  return rule.routes.map((route) => ({
    route,
    fits: where === undefined ? U : where === ROUTE_PLACE[route] ? T : F,
  }));
}

function detail(set: RuleSet, rule: Rule, answers: Answers, asOf: string, all: Map<string, Verdict>): CategoryResult {
  const lines = new Map<number, Out>();
  const doubts: Doubt[] = [];
  const ctx: Ctx = { answers, asOf, verdicts: all, lines, doubts };
  const out = ruleOut(rule, ctx);
  const verdict = verdictOf(out.truth);
  const table = nodeTable(rule);

  // A doubt matters only if it decides the verdict: forcing that node another way changes it.
  const reasons: ExpertReason[] = [];
  const seen = new Set<number>();
  for (const d of doubts) {
    if (seen.has(d.n)) continue;
    seen.add(d.n);
    // A disputed requirement (⚠️ sources disagree whether it applies) matters only when it is
    // not met; other doubts (❓ unconfirmed readings, unclear answers) matter either way.
    const alternatives = d.why === 'disputed' ? [T] : [T, F, U];
    const decisive = alternatives.some((t) => {
      const probe: Ctx = { answers, asOf, verdicts: all, overrides: new Map([[d.n, t]]) };
      return verdictOf(ruleOut(rule, probe).truth) !== verdict;
    });
    if (decisive) reasons.push({ key: lineKey(rule, table, d.n), why: d.why });
  }
  if ((rule.confidence === 'uncertain' || rule.confidence === 'disputed') && verdict !== 'not_eligible')
    reasons.unshift({ key: `rules.${rule.id}.title`, why: rule.confidence });

  const result: CategoryResult = {
    id: rule.id,
    kind: rule.kind,
    verdict,
    discretionary: rule.discretionary,
    needsExpert: reasons.length > 0,
    expertReasons: reasons,
    source: rule.source,
    periods: rule.periods,
    routes: routesFor(rule, answers),
    trace: rule.deleted ? [] : buildTrace(rule, rule.condition, lines, rule.source),
  };
  if (rule.typicalPeriod) result.typicalPeriod = rule.typicalPeriod;
  if (rule.redirectTo) result.redirectTo = rule.redirectTo;

  // Near miss: the failing parts all become met by waiting; check the whole set on that date.
  if (verdict === 'not_eligible' && out.metFrom && out.metFrom > asOf) {
    const later = verdicts(set, answers, out.metFrom).get(rule.id);
    if (later && later !== 'not_eligible') result.nearMiss = { date: out.metFrom, verdict: later };
  }
  return result;
}

const orders = new WeakMap<RuleSet, Map<string, number>>();
function orderOf(set: RuleSet, id: string): number {
  let map = orders.get(set);
  if (!map) orders.set(set, (map = new Map(set.rules.map((r) => [r.id, r.order]))));
  return map.get(id) ?? 0;
}

/** Screens every category: facts and an as-of date in, verdicts with their full traces out. */
export function screen(set: RuleSet, answers: Answers, asOf: string): Screening {
  const all = verdicts(set, answers, asOf);
  return {
    rulesVersion: set.version,
    asOf,
    // set.rules is in evaluation order; results come in the display order of rules/index.yaml.
    results: set.rules
      .map((rule) => detail(set, rule, answers, asOf, all))
      .sort((a, b) => orderOf(set, a.id) - orderOf(set, b.id)),
  };
}
