// Three-valued (Kleene) evaluation of the compiled rules: every condition is met, not met or
// unknown; a rule is eligible (met), possible (unknown) or not eligible (not met).
import { childrenOf, containsNode, refsOf } from './tree';
import { addDays, addDuration, ageOn, ageOfMajority, birthday, isValidDate } from './dates';
import { closedQuestions, effectiveAnswers } from './premises';
import type {
  AnswerValue,
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
const MET: Out = Object.freeze({ truth: T });
const NOT_MET: Out = Object.freeze({ truth: F });
const UNKNOWN: Out = Object.freeze({ truth: U });

type Doubt = { n: number; why: ExpertReason['why'] };

interface Ctx {
  answers: Answers;
  /**
   * Questions whose premise is denied (premises.ts), read before the answers: the premise's
   * `else` value or none. Neither copied nor overlaid: one screening evaluates many times, and a
   * new answers object per call cost more than the evaluation itself. Undefined when none is closed.
   */
  closed?: ReadonlyMap<string, AnswerValue | undefined> | undefined;
  asOf: string;
  verdicts: Map<string, Verdict>;
  overrides?: Map<number, Truth>;
  doubts?: Doubt[];
  lines?: Map<number, Out>;
}

/** An answer the rules can use: "I don't know" counts as no answer. */
const usable = (v: string | number | undefined) => (v === undefined || v === 'unknown' ? undefined : v);

function known(ctx: Ctx, fact: string): string | number | undefined {
  return usable(ctx.closed?.has(fact) ? ctx.closed.get(fact) : ctx.answers[fact]);
}

function knownDate(ctx: Ctx, fact: string): string | undefined {
  const v = known(ctx, fact);
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
  const { asOf } = ctx;
  switch (node.op) {
    case 'all': {
      // Only traces (lines) and doubts need every child; verdicts alone can stop early.
      const full = ctx.lines !== undefined || ctx.doubts !== undefined;
      let unknown = false;
      let failing = false;
      let latest: string | undefined = '';
      for (const c of node.of) {
        const o = evalNode(c, ctx);
        if (o.truth === F) {
          if (!full) return NOT_MET;
          failing = true;
          // Waiting helps only if every failing part has a date from which it is met.
          if (latest !== undefined)
            latest = o.metFrom === undefined ? undefined : o.metFrom > latest ? o.metFrom : latest;
        } else if (o.truth === U) unknown = true;
      }
      if (failing) return latest ? { truth: F, metFrom: latest } : NOT_MET;
      return unknown ? UNKNOWN : MET;
    }
    case 'any': {
      const full = ctx.lines !== undefined || ctx.doubts !== undefined;
      let met = false;
      let unknown = false;
      let earliest: string | undefined;
      for (const c of node.of) {
        const o = evalNode(c, ctx);
        if (o.truth === T) {
          if (!full) return MET;
          met = true;
        } else if (o.truth === U) unknown = true;
        else if (o.metFrom !== undefined && (earliest === undefined || o.metFrom < earliest)) earliest = o.metFrom;
      }
      if (met) return MET;
      if (unknown) return UNKNOWN;
      return earliest ? { truth: F, metFrom: earliest } : NOT_MET;
    }
    case 'not': {
      const t = evalNode(node.of, ctx).truth;
      return t === T ? NOT_MET : t === F ? MET : UNKNOWN;
    }
    case 'use':
    case 'exclusion':
      return evalNode(node.of, ctx);
    case 'rule': {
      const v = ctx.verdicts.get(node.rule);
      return v === 'eligible' ? MET : v === 'not_eligible' ? NOT_MET : UNKNOWN;
    }
    case 'in': {
      const v = known(ctx, node.fact);
      if (v === undefined) return UNKNOWN;
      if (typeof v === 'string' && node.unclear?.includes(v)) {
        ctx.doubts?.push({ n: node.n, why: 'unclear' });
        return UNKNOWN;
      }
      if (typeof v === 'string' && node.expertWhen?.includes(v)) ctx.doubts?.push({ n: node.n, why: 'ask' });
      return node.values.includes(v) ? MET : NOT_MET;
    }
    case 'age': {
      const birth = knownDate(ctx, node.fact);
      const on = node.at ? knownDate(ctx, node.at) : asOf;
      if (!birth || !on || on < birth) return UNKNOWN;
      const age = ageOn(birth, on);
      if (node.minor) return age < ageOfMajority(on) ? MET : NOT_MET;
      if (node.under !== undefined) return age < node.under ? MET : NOT_MET;
      const min = node.atLeast ?? 0;
      if (age >= min) return MET;
      return { truth: F, metFrom: node.at ? undefined : birthday(birth, min) };
    }
    case 'since': {
      const d = knownDate(ctx, node.fact);
      if (!d) return UNKNOWN;
      const from = addDays(addDuration(d, node.passed), 1);
      return asOf >= from ? MET : { truth: F, metFrom: from };
    }
    case 'between': {
      const from = knownDate(ctx, node.from);
      const to = node.to === '$asOf' ? asOf : knownDate(ctx, node.to);
      if (!from || !to) return UNKNOWN;
      const due = addDuration(from, node.atLeast);
      if (to >= due) return MET;
      if (node.tolerance && addDuration(to, node.tolerance) >= due) {
        ctx.doubts?.push({ n: node.n, why: 'borderline' });
        return UNKNOWN;
      }
      return { truth: F, metFrom: node.to === '$asOf' ? due : undefined };
    }
    case 'date': {
      const d = knownDate(ctx, node.fact);
      if (!d) return UNKNOWN;
      if (node.before !== undefined && !(d < node.before)) return NOT_MET;
      if (node.onOrAfter !== undefined && !(d >= node.onOrAfter)) return NOT_MET;
      return MET;
    }
    case 'number': {
      const v = known(ctx, node.fact);
      if (typeof v !== 'number') return UNKNOWN;
      if (node.atLeast !== undefined && v < node.atLeast) return NOT_MET;
      if (node.below !== undefined && v >= node.below) return NOT_MET;
      return MET;
    }
  }
}

function ruleOut(rule: Rule, ctx: Ctx): Out {
  if (rule.deleted) return NOT_MET;
  if (ctx.asOf < rule.inForce.from || (rule.inForce.to !== undefined && ctx.asOf > rule.inForce.to)) return NOT_MET;
  return evalNode(rule.condition, ctx);
}

/**
 * Verdicts only, in evaluation order (references point to earlier rules). The fast path.
 * With `only` and `base`, just the rules in `only` are evaluated again; the rest come from base.
 */
export function verdicts(
  set: RuleSet,
  answers: Answers,
  asOf: string,
  overrides?: Map<string, Map<number, Truth>>,
  only?: Set<string>,
  base?: Map<string, Verdict>,
) {
  const map = new Map<string, Verdict>(only && base ? base : undefined);
  const closed = closedQuestions(set, answers, asOf);
  const ctx: Ctx = { answers, closed: closed.size ? closed : undefined, asOf, verdicts: map };
  for (const rule of set.rules) {
    if (only && !only.has(rule.id)) continue;
    ctx.overrides = overrides?.get(rule.id);
    map.set(rule.id, verdictOf(ruleOut(rule, ctx).truth));
  }
  return map;
}

const dependents = new WeakMap<RuleSet, Map<string, Set<string>>>();
/** The rules whose verdict may change when `fact` changes: its readers and, transitively, the rules that refer to them. */
export function affectedBy(set: RuleSet, fact: string): Set<string> {
  let byFact = dependents.get(set);
  if (!byFact) {
    byFact = new Map();
    dependents.set(set, byFact);
  }
  let out = byFact.get(fact);
  if (out) return out;
  const refs = new Map(set.rules.map((r) => [r.id, refsOf(r.condition)]));
  out = new Set(set.facts.find((f) => f.id === fact)?.readBy ?? []);
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
      acc.add(node.from);
      if (node.to !== '$asOf') acc.add(node.to);
      break;
    case 'age':
      acc.add(node.fact);
      if (node.at) acc.add(node.at);
      break;
    case 'in':
    case 'since':
    case 'date':
    case 'number':
      acc.add(node.fact);
      break;
    default:
      for (const c of childrenOf(node)) factsRead(c, acc);
  }
  return acc;
}

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

function buildTrace(rule: Rule, lines: Map<number, Out>): TraceLine[] {
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

function lineKey(rule: Rule, table: CondNode[], n: number): string {
  // The nearest node with an id, walking up from n, names the doubt; else the rule itself.
  for (let i = n; i >= 0; i--) {
    const node = table[i];
    if (node?.id !== undefined && containsNode(node, n)) return textKey(rule, node);
  }
  return `rules.${rule.id}.title`;
}

function routesFor(rule: Rule, answers: Answers): CategoryResult['routes'] {
  const where = usable(answers[LOCATION_FACT]);
  return rule.routes.map((route) => ({
    route,
    fits: where === undefined ? U : where === ROUTE_PLACE[route] ? T : F,
  }));
}

function detail(
  rule: Rule,
  answers: Answers,
  asOf: string,
  all: Map<string, Verdict>,
  later: (date: string) => Map<string, Verdict>,
): CategoryResult {
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
    trace: rule.deleted ? [] : buildTrace(rule, lines),
  };
  if (rule.typicalPeriod) result.typicalPeriod = rule.typicalPeriod;
  if (rule.redirectTo) result.redirectTo = rule.redirectTo;

  // Near miss: the failing parts all become met by waiting; check the whole set on that date.
  if (verdict === 'not_eligible' && out.metFrom && out.metFrom > asOf) {
    const then = later(out.metFrom).get(rule.id);
    if (then && then !== 'not_eligible') result.nearMiss = { date: out.metFrom, verdict: then };
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
export function screen(set: RuleSet, given: Answers, asOf: string): Screening {
  const answers = effectiveAnswers(set, given, asOf);
  const all = verdicts(set, answers, asOf);
  const byDate = new Map<string, Map<string, Verdict>>(); // near misses often share a date
  const later = (date: string) => {
    let v = byDate.get(date);
    if (!v) byDate.set(date, (v = verdicts(set, answers, date)));
    return v;
  };
  return {
    rulesVersion: set.version,
    asOf,
    // set.rules is in evaluation order; results come in the display order of rules/index.yaml.
    results: set.rules
      .map((rule) => detail(rule, answers, asOf, all, later))
      .sort((a, b) => orderOf(set, a.id) - orderOf(set, b.id)),
    deadlines: [], // computed from the answers' dates: issue 9 fills this in
  };
}
