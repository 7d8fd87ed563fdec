// Three-valued (Kleene) evaluation of the compiled rules: every condition is met, not met or
// unknown; a rule is eligible (met), possible (unknown) or not eligible (not met).
import { childrenOf, containsNode, refsOf } from './tree';
import { addDays, addDuration, ageOn, ageOfMajority, birthday, isValidDate, majorityFrom } from './dates';
import { closedQuestions, effectiveAnswers, premiseTruth } from './premises';
import type {
  AnswerValue,
  Answers,
  CategoryResult,
  Citation,
  CondNode,
  Deadline,
  DeadlineRule,
  ExpertReason,
  Parameters,
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

export const LOCATION_FACT = 'location';
export const STATUS_FACT = 'current_status';

interface Out {
  truth: Truth;
  metFrom?: string;
}
const MET: Out = Object.freeze({ truth: T });
const NOT_MET: Out = Object.freeze({ truth: F });
const UNKNOWN: Out = Object.freeze({ truth: U });

/**
 * A point of doubt met while evaluating: the node, the kind of doubt, and for some the text key
 * that explains it (else the node's line) and a date (timing: the day an age limit is reached).
 * `whenNotMet`: it matters only when the node is not met and meeting it would change the verdict.
 */
type Doubt = { n: number; why: ExpertReason['why']; key?: string; date?: string; whenNotMet?: true };

interface Ctx {
  answers: Answers;
  /** The law's values (rules/parameters.yaml). */
  params: Parameters;
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
  // A reading to confirm (askExpert) matters only where it could apply: not once the answers
  // already rule the line out (e.g. "no" to the measure the reading is about).
  else if (ctx.doubts && node.askExpert && out.truth !== F) ctx.doubts.push({ n: node.n, why: 'ask' });
  // What the sources leave open once the line is not met (e.g. which status an adoptee aged 6 or
  // over can hold): a doubt only where it fails.
  if (ctx.doubts && node.expertIfNotMet && out.truth === F) {
    const { key, when, unless } = node.expertIfNotMet;
    const read = (f: string) => known(ctx, f);
    if ((!when || premiseTruth(when, read, ctx.asOf) === T) && (!unless || premiseTruth(unless, read, ctx.asOf) !== T))
      ctx.doubts.push({ n: node.n, why: 'uncertain', key, whenNotMet: true });
  }
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
      if (node.minor || node.under !== undefined) {
        const under = (d: string) => ageOn(birth, d) < (node.minor ? ageOfMajority(ctx.params, d) : node.under!);
        if (!under(on)) return NOT_MET;
        if (node.expertWithin && ctx.doubts && !node.at) {
          // The limit is reached soon: a Certificate of Eligibility takes months, and whether the
          // age counts at the application, the decision or the landing is not settled.
          const soon = addDuration(asOf, node.expertWithin);
          if (!under(soon)) {
            const limit = node.minor ? ageOfMajority(ctx.params, soon) : node.under!;
            const reach = birthday(birth, limit);
            ctx.doubts.push({ n: node.n, why: 'timing', date: reach > asOf ? reach : majorityFrom(ctx.params, soon) });
          }
        }
        return MET;
      }
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
      // From the latest start to the earliest end. With a date of a list unanswered, only an
      // upper bound of the span is known: too short is settled, long enough stays unknown.
      let from: string | undefined;
      let to: string | undefined;
      let complete = true;
      for (const f of typeof node.from === 'string' ? [node.from] : node.from) {
        const d = knownDate(ctx, f);
        if (d === undefined) complete = false;
        else if (from === undefined || d > from) from = d;
      }
      for (const f of typeof node.to === 'string' ? [node.to] : node.to) {
        const d = f === '$asOf' ? asOf : knownDate(ctx, f);
        if (d === undefined) complete = false;
        else if (to === undefined || d < to) to = d;
      }
      if (!from || !to) return UNKNOWN;
      const due = addDuration(from, node.atLeast);
      if (to >= due) return complete ? MET : UNKNOWN;
      if (node.tolerance && addDuration(to, node.tolerance) >= due) {
        if (complete) ctx.doubts?.push({ n: node.n, why: 'borderline' });
        return UNKNOWN;
      }
      return { truth: F, metFrom: node.to === '$asOf' && typeof node.from === 'string' ? due : undefined };
    }
    case 'date': {
      const d = node.fact === '$asOf' ? asOf : knownDate(ctx, node.fact);
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
 * A passed application window (rules/deadlines.yaml) caps the categories it governs at
 * "possible"; references between rules (the 告示's exclusions) read the verdicts before the cap.
 */
export function verdicts(
  set: RuleSet,
  answers: Answers,
  asOf: string,
  overrides?: Map<string, Map<number, Truth>>,
  only?: Set<string>,
  base?: Map<string, Verdict>,
) {
  const map = new Map<string, Verdict>(only && base ? (uncapped.get(base) ?? base) : undefined);
  const shut = closedQuestions(set, answers, asOf);
  const closed = shut.size ? shut : undefined;
  const ctx: Ctx = { answers, params: set.parameters, closed, asOf, verdicts: map };
  for (const rule of set.rules) {
    if (only && !only.has(rule.id)) continue;
    ctx.overrides = overrides?.get(rule.id);
    map.set(rule.id, verdictOf(ruleOut(rule, ctx).truth));
  }
  const caps = capsOf(windowsOf(set, answers, closed, asOf));
  if (!caps.size) return map;
  const out = new Map(map);
  for (const id of caps.keys()) if (out.get(id) === 'eligible') out.set(id, 'possible');
  uncapped.set(out, map);
  return out;
}

/** A capped verdict map → the same verdicts before the deadline caps (what references read). */
const uncapped = new WeakMap<Map<string, Verdict>, Map<string, Verdict>>();

interface Window {
  rule: DeadlineRule;
  date: string;
  from: string;
  passed: boolean;
  excused: boolean;
}

/** The deadlines the answers give a date for: `when` met, counted from the earliest answered `from` date. */
function windowsOf(set: RuleSet, answers: Answers, closed: Ctx['closed'], asOf: string): Window[] {
  const out: Window[] = [];
  for (const rule of set.deadlines) {
    if (asOf < rule.inForce.from || (rule.inForce.to !== undefined && asOf > rule.inForce.to)) continue;
    const ctx: Ctx = { answers, params: set.parameters, closed, asOf, verdicts: new Map() };
    if (rule.when && evalNode(rule.when, ctx).truth !== T) continue;
    let start: string | undefined;
    let from = '';
    for (const f of rule.from) {
      const d = knownDate(ctx, f);
      if (d && (start === undefined || d < start)) [start, from] = [d, f];
    }
    if (start === undefined) continue;
    // 民法140条: the day of the event is not counted, so the last day is the date plus the period.
    const date = addDuration(start, rule.period);
    const excused = rule.excusedWhen !== undefined && evalNode(rule.excusedWhen, ctx).truth === T;
    out.push({ rule, date, from, passed: asOf > date, excused });
  }
  return out;
}

/** Category id → the passed, unexcused application window that caps it (the earliest). */
function capsOf(windows: Window[]): Map<string, Window> {
  const caps = new Map<string, Window>();
  for (const w of windows) {
    if (w.rule.kind !== 'apply' || !w.passed || w.excused) continue;
    for (const id of w.rule.rules) {
      const have = caps.get(id);
      if (!have || w.date < have.date) caps.set(id, w);
    }
  }
  return caps;
}

function deadlineOf(w: Window): Deadline {
  const d: Deadline = {
    id: w.rule.id,
    kind: w.rule.kind,
    date: w.date,
    passed: w.passed,
    from: w.from,
    cite: w.rule.cite,
    rules: w.rule.rules,
  };
  if (w.excused) d.excused = true;
  return d;
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
      for (const f of [node.from, node.to].flat()) if (f !== '$asOf') acc.add(f);
      break;
    case 'age':
      acc.add(node.fact);
      if (node.at) acc.add(node.at);
      break;
    case 'in':
    case 'since':
    case 'date':
    case 'number':
      if (node.fact !== '$asOf') acc.add(node.fact);
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

function lineKey(rule: Rule, table: CondNode[], n: number): string {
  // The nearest node with an id, walking up from n, names the doubt; else the rule itself.
  for (let i = n; i >= 0; i--) {
    const node = table[i];
    if (node?.id !== undefined && containsNode(node, n)) return textKey(rule, node);
  }
  return `rules.${rule.id}.title`;
}

/**
 * Whether each route fits where the person is and, in Japan, the status they hold: a change or
 * renewal needs a status (入管法20条・21条; with none, only 在留特別許可, an expert matter), a
 * change from 短期滞在 is exceptional (20条3項ただし書), a change from 技能実習 is unconfirmed,
 * and acquisition (22条の2) is for someone in Japan without one. A route the rule marks as
 * unconfirmed for its category (routeDoubts) fits at best "unknown".
 */
function routesFor(rule: Rule, answers: Answers, params: Parameters): CategoryResult['routes'] {
  const where = usable(answers[LOCATION_FACT]);
  const status = usable(answers[STATUS_FACT]);
  return rule.routes.map((route) => {
    const out = routeFits(params.routePlace[route], route, where, status);
    // A route the sources leave open for this category (Rule.routeDoubts) fits at best "unknown".
    const doubt = rule.routeDoubts?.[route];
    if (doubt && out.fits !== F) return { ...out, fits: U, doubt: doubt.note };
    return out;
  });
}

function routeFits(
  place: Parameters['routePlace'][Route],
  route: Route,
  where: AnswerValue | undefined,
  status: AnswerValue | undefined,
): CategoryResult['routes'][number] {
  const fits: Truth = where === undefined ? U : where === place ? T : F;
  if (fits === F || place !== 'in_japan' || status === undefined) return { route, fits };
  if (route === 'acquisition') return { route, fits: status === 'none' ? fits : F };
  if (status === 'none') return { route, fits: F, note: 'regularisation' };
  if (route !== 'change') return { route, fits };
  if (status === 'temporary_visitor') return { route, fits: U, note: 'visitor-exceptional' };
  // 技能実習 → 定住者: whether such a change is accepted was not found in any source (❓).
  if (status === 'technical_intern') return { route, fits: U, note: 'technical-intern' };
  return { route, fits };
}

function detail(
  params: Parameters,
  rule: Rule,
  answers: Answers,
  asOf: string,
  all: Map<string, Verdict>,
  later: (date: string) => Map<string, Verdict>,
  cap: Window | undefined,
): CategoryResult {
  const lines = new Map<number, Out>();
  const doubts: Doubt[] = [];
  const ctx: Ctx = { answers, params, asOf, verdicts: all, lines, doubts };
  const out = ruleOut(rule, ctx);
  const raw = verdictOf(out.truth);
  // A passed application window: at best "possible", and an expert weighs the delay.
  const capped = cap !== undefined && raw !== 'not_eligible';
  const verdict = capped ? 'possible' : raw;
  const table = nodeTable(rule);

  // A doubt matters only if it decides the verdict: forcing that node another way changes it.
  const reasons: ExpertReason[] = [];
  const seen = new Set<number>();
  for (const d of doubts) {
    if (seen.has(d.n)) continue;
    seen.add(d.n);
    // A disputed requirement (⚠️ sources disagree whether it applies) matters only when it is
    // not met; other doubts (❓ unconfirmed readings, unclear answers) matter either way.
    const alternatives = d.why === 'disputed' || d.whenNotMet ? [T] : [T, F, U];
    const decisive = alternatives.some((t) => {
      const probe: Ctx = { answers, params, asOf, verdicts: all, overrides: new Map([[d.n, t]]) };
      return verdictOf(ruleOut(rule, probe).truth) !== raw;
    });
    if (!decisive) continue;
    const reason: ExpertReason = { key: d.key ?? lineKey(rule, table, d.n), why: d.why };
    if (d.date) reason.date = d.date;
    reasons.push(reason);
  }
  // A route the sources do not confirm, or a caution from the status held, decides how the person
  // could apply when no other route fits where they are: only for a category that may fit.
  const routes = routesFor(rule, answers, params);
  const where = usable(answers[LOCATION_FACT]);
  if (verdict !== 'not_eligible' && !routes.some((r) => r.fits === T))
    for (const r of routes) {
      if (where !== params.routePlace[r.route]) continue;
      if (r.doubt) reasons.push({ key: r.doubt, why: rule.routeDoubts?.[r.route]?.confidence ?? 'uncertain' });
      if (r.note === 'technical-intern') reasons.push({ key: `engine.routeNote.${r.note}`, why: 'uncertain' });
    }
  if ((rule.confidence === 'uncertain' || rule.confidence === 'disputed') && verdict !== 'not_eligible')
    reasons.unshift({ key: `rules.${rule.id}.title`, why: rule.confidence });
  if (capped) reasons.unshift({ key: `deadlines.${cap.rule.id}.title`, why: 'deadline' });

  const result: CategoryResult = {
    id: rule.id,
    kind: rule.kind,
    verdict,
    discretionary: rule.discretionary,
    needsExpert: reasons.length > 0,
    expertReasons: reasons,
    source: rule.source,
    periods: rule.periods,
    routes,
    trace: rule.deleted ? [] : buildTrace(rule, lines),
  };
  if (capped) result.deadline = cap.rule.id;
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
  const capped = verdicts(set, answers, asOf);
  const all = uncapped.get(capped) ?? capped; // what references between rules read
  const byDate = new Map<string, Map<string, Verdict>>(); // near misses often share a date
  const later = (date: string) => {
    let v = byDate.get(date);
    if (!v) byDate.set(date, (v = verdicts(set, answers, date)));
    return v;
  };
  const windows = windowsOf(set, answers, undefined, asOf);
  const caps = capsOf(windows);
  return {
    rulesVersion: set.version,
    asOf,
    // set.rules is in evaluation order; results come in the display order of rules/index.yaml.
    results: set.rules
      .map((rule) => detail(set.parameters, rule, answers, asOf, all, later, caps.get(rule.id)))
      .sort((a, b) => orderOf(set, a.id) - orderOf(set, b.id)),
    deadlines: windows
      .map(deadlineOf)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1)),
  };
}
