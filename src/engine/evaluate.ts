// Three-valued (Kleene) evaluation of the compiled rules: every condition is met, not met or
// unknown; a rule is eligible (met), possible (unknown) or not eligible (not met).
import { routesFor } from './routes';
import { buildTrace, lineKey } from './trace';
import { capsOf, deadlineOf, type Window } from './windows';
import { F, MET, NOT_MET, T, U, UNKNOWN, usable, verdictOf, type Out } from './truth';
import { addDays, addDuration, ageOn, ageOfMajority, birthday, isValidDate, majorityFrom } from './dates';
import { closedQuestions, effectiveAnswers, premiseTruth } from './premises';
import { nodeTable } from './tree';
import type {
  AnswerValue,
  Answers,
  CategoryResult,
  CondNode,
  ExpertReason,
  Parameters,
  Rule,
  RuleSet,
  Screening,
  Truth,
  Verdict,
} from './types';

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
   * What the rules read of each fact, by position in set.facts, kept once read (null: not read
   * yet): answers[fact] is a lookup by name in objects of many shapes (answer sets answer
   * different questions), and one verdicts() call makes about 170 reads of far fewer facts.
   * Questions whose premise is denied (premises.ts) hold their `else` value or none from the
   * start, the answers neither copied nor overlaid: one screening evaluates many times (unread).
   */
  vals: (string | number | null | undefined)[];
  /** Fact id → position in set.facts (positions). */
  at: ReadonlyMap<string, number>;
  asOf: string;
  verdicts: Map<string, Verdict>;
  overrides?: Map<number, Truth>;
  doubts?: Doubt[];
  lines?: Map<number, Out>;
}

function known(ctx: Ctx, fact: string): string | number | undefined {
  return read(ctx, fact, ctx.at.get(fact)!);
}

/** The answer to `fact` (at position `i` of set.facts) the rules read: a closed question's value first, kept in ctx.vals. */
function read(ctx: Ctx, fact: string, i: number): string | number | undefined {
  const v = ctx.vals[i];
  return v !== null ? v : (ctx.vals[i] = usable(ctx.answers[fact]));
}

/** Fact id → position in set.facts, made once per rule set. */
function positions(set: RuleSet): ReadonlyMap<string, number> {
  let at = positionsOf.get(set);
  if (!at) positionsOf.set(set, (at = new Map(set.facts.map((f, i) => [f.id, i]))));
  return at;
}
const positionsOf = new WeakMap<RuleSet, ReadonlyMap<string, number>>();

/**
 * A fresh Ctx['vals'] for one evaluation: the closed questions' values (undefined: closed with no
 * usable value) by fact position, every other fact not read yet (null). Copied from a list made
 * once per memoised map of closedQuestions (and once per rule set with none closed).
 */
function unread(set: RuleSet, closed?: ReadonlyMap<string, AnswerValue | undefined>): Ctx['vals'] {
  const key = closed?.size ? closed : set;
  let out = unreads.get(key);
  if (!out) {
    const at = positions(set);
    out = set.facts.map(() => null);
    if (key === closed) for (const [id, v] of closed) out[at.get(id)!] = usable(v);
    unreads.set(key, out);
  }
  return out.slice();
}
const unreads = new WeakMap<object, Ctx['vals']>();

/** The positions of set.index.premiseNamed in set.facts, made once per rule set. */
function premiseNamedAt(set: RuleSet): readonly number[] {
  let out = namedPositions.get(set);
  if (!out) namedPositions.set(set, (out = set.index.premiseNamed.map((id) => positions(set).get(id)!)));
  return out;
}
const namedPositions = new WeakMap<RuleSet, readonly number[]>();

function knownDate(ctx: Ctx, fact: string): string | undefined {
  const v = known(ctx, fact);
  return typeof v === 'string' && isValidDate(v) ? v : undefined;
}

function evalNode(node: CondNode, ctx: Ctx): Out {
  const checked = ctx.overrides !== undefined || ctx.doubts !== undefined || ctx.lines !== undefined;
  return compiled(node, checked)(ctx);
}

/**
 * A condition node as a function of the context, made once per node (rule sets are never
 * changed): it keeps the node's fields at hand instead of reading them, on every evaluation,
 * from nodes of a dozen shapes (slow reads for the JavaScript engine). Made twice: `checked`
 * applies the overrides and notes doubts and lines at every node; the other, for verdicts
 * alone, has no such step between a node and its children.
 */
type Eval = (ctx: Ctx) => Out;
const evals = { plain: new WeakMap<CondNode, Eval>(), checked: new WeakMap<CondNode, Eval>() };

function compiled(node: CondNode, checked: boolean): Eval {
  const made = checked ? evals.checked : evals.plain;
  let f = made.get(node);
  if (!f) made.set(node, (f = compile(node, checked)));
  return f;
}

function compile(node: CondNode, checked: boolean): Eval {
  const inner = compileInner(node, checked);
  if (!checked) return inner;
  return (ctx) => {
    const forced = ctx.overrides?.get(node.n);
    const out = forced ? { truth: forced } : inner(ctx);
    if (ctx.doubts) noteDoubts(node, out, ctx, ctx.doubts);
    if (ctx.lines && node.id !== undefined) ctx.lines.set(node.n, out);
    return out;
  };
}

function noteDoubts(node: CondNode, out: Out, ctx: Ctx, doubts: Doubt[]) {
  if (node.confidence === 'uncertain' || node.confidence === 'disputed')
    doubts.push({ n: node.n, why: node.confidence });
  // A reading to confirm (askExpert) matters only where it could apply: not once the answers
  // already rule the line out (e.g. "no" to the measure the reading is about).
  else if (node.askExpert && out.truth !== F) doubts.push({ n: node.n, why: 'ask' });
  // What the sources leave open once the line is not met (e.g. which status an adoptee aged 6 or
  // over can hold): a doubt only where it fails.
  if (node.expertIfNotMet && out.truth === F) {
    const { key, when, unless } = node.expertIfNotMet;
    const read = (f: string) => known(ctx, f);
    if ((!when || premiseTruth(when, read, ctx.asOf) === T) && (!unless || premiseTruth(unless, read, ctx.asOf) !== T))
      doubts.push({ n: node.n, why: 'uncertain', key, whenNotMet: true });
  }
}

function compileInner(node: CondNode, checked: boolean): Eval {
  const child = (c: CondNode) => compiled(c, checked);
  switch (node.op) {
    case 'all': {
      const of = node.of.map(child);
      return (ctx) => {
        // Only traces (lines) and doubts need every child; verdicts alone can stop early.
        const full = ctx.lines !== undefined || ctx.doubts !== undefined;
        let unknown = false;
        let failing = false;
        let latest: string | undefined = '';
        for (const c of of) {
          const o = c(ctx);
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
      };
    }
    case 'any': {
      const of = node.of.map(child);
      return (ctx) => {
        const full = ctx.lines !== undefined || ctx.doubts !== undefined;
        let met = false;
        let unknown = false;
        let earliest: string | undefined;
        for (const c of of) {
          const o = c(ctx);
          if (o.truth === T) {
            if (!full) return MET;
            met = true;
          } else if (o.truth === U) unknown = true;
          else if (o.metFrom !== undefined && (earliest === undefined || o.metFrom < earliest)) earliest = o.metFrom;
        }
        if (met) return MET;
        if (unknown) return UNKNOWN;
        return earliest ? { truth: F, metFrom: earliest } : NOT_MET;
      };
    }
    case 'not': {
      const of = child(node.of);
      return (ctx) => {
        const t = of(ctx).truth;
        return t === T ? NOT_MET : t === F ? MET : UNKNOWN;
      };
    }
    case 'use':
    case 'exclusion':
      return child(node.of);
    case 'rule': {
      const { rule } = node;
      return (ctx) => {
        const v = ctx.verdicts.get(rule);
        return v === 'eligible' ? MET : v === 'not_eligible' ? NOT_MET : UNKNOWN;
      };
    }
    case 'in': {
      const { fact, values, unclear, expertWhen, n } = node;
      // The fact's position, looked up once per rule set: the most frequent read of all.
      let at: Ctx['at'] | undefined;
      let i = 0;
      return (ctx) => {
        if (ctx.at !== at) i = (at = ctx.at).get(fact)!;
        const v = read(ctx, fact, i);
        if (v === undefined) return UNKNOWN;
        if (typeof v === 'string' && unclear?.includes(v)) {
          ctx.doubts?.push({ n, why: 'unclear' });
          return UNKNOWN;
        }
        if (typeof v === 'string' && expertWhen?.includes(v)) ctx.doubts?.push({ n, why: 'ask' });
        return values.includes(v) ? MET : NOT_MET;
      };
    }
    case 'age':
      return (ctx) => {
        const { asOf } = ctx;
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
              ctx.doubts.push({
                n: node.n,
                why: 'timing',
                date: reach > asOf ? reach : majorityFrom(ctx.params, soon),
              });
            }
          }
          return MET;
        }
        const min = node.atLeast ?? 0;
        if (age >= min) return MET;
        return { truth: F, metFrom: node.at ? undefined : birthday(birth, min) };
      };
    case 'since':
      return (ctx) => {
        const d = knownDate(ctx, node.fact);
        if (!d) return UNKNOWN;
        const from = addDays(addDuration(d, node.passed), 1);
        return ctx.asOf >= from ? MET : { truth: F, metFrom: from };
      };
    case 'between':
      return (ctx) => {
        // From the latest start to the earliest end. With a date of a list unanswered, only an
        // upper bound of the span is known: too short is settled, long enough stays unknown.
        const { asOf } = ctx;
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
      };
    case 'date':
      return (ctx) => {
        const d = node.fact === '$asOf' ? ctx.asOf : knownDate(ctx, node.fact);
        if (!d) return UNKNOWN;
        if (node.before !== undefined && !(d < node.before)) return NOT_MET;
        if (node.onOrAfter !== undefined && !(d >= node.onOrAfter)) return NOT_MET;
        return MET;
      };
  }
}

/**
 * The rules in evaluation order, each with its id, dates and condition compiled for verdicts
 * alone, made once per rule set: verdicts() looks up no compiled condition per rule and call, and
 * reads these fields from objects of one shape, not from rules of many.
 */
function stepsOf(set: RuleSet): Step[] {
  let out = stepsMade.get(set);
  if (!out) {
    const step = (rule: Rule): Step => {
      const { id, deleted, inForce, condition } = rule;
      return { id, deleted: deleted === true, inForce, rule, plain: compiled(condition, false) };
    };
    stepsMade.set(set, (out = set.rules.map(step)));
  }
  return out;
}
interface Step {
  id: string;
  deleted: boolean;
  inForce: Rule['inForce'];
  rule: Rule;
  plain: Eval;
}
const stepsMade = new WeakMap<RuleSet, Step[]>();

/** Whether a rule (or its step, or a deadline) applies on a date: not deleted, and in force. */
const applies = (rule: { deleted?: boolean | undefined; inForce: Rule['inForce'] }, asOf: string) =>
  !rule.deleted && asOf >= rule.inForce.from && (rule.inForce.to === undefined || asOf <= rule.inForce.to);

function ruleOut(rule: Rule, ctx: Ctx): Out {
  return applies(rule, ctx.asOf) ? evalNode(rule.condition, ctx) : NOT_MET;
}

/**
 * Verdicts only, in evaluation order (references point to earlier rules). The fast path.
 * With `only` and `base`, just the rules in `only` (positions in `set.rules`, ascending: see
 * RuleIndex.affects) are evaluated again; the rest come from base.
 * A passed application window (rules/deadlines.yaml) caps the categories it governs at
 * "possible"; references between rules (the 告示's exclusions) read the verdicts before the cap.
 */
export function verdicts(
  set: RuleSet,
  answers: Answers,
  asOf: string,
  overrides?: Map<string, Map<number, Truth>>,
  only?: readonly number[],
  base?: Map<string, Verdict>,
) {
  const map = new Map<string, Verdict>(only && base ? (uncapped.get(base) ?? base) : undefined);
  // The answers the premises read, read once: for the closed questions, then for the rules.
  const namedAt = premiseNamedAt(set);
  const named = set.index.premiseNamed.map((id) => answers[id]);
  const vals = unread(set, closedQuestions(set, answers, asOf, named));
  for (let k = 0; k < named.length; k++) if (vals[namedAt[k]!] === null) vals[namedAt[k]!] = usable(named[k]);
  const ctx: Ctx = {
    answers,
    params: set.parameters,
    vals,
    asOf,
    verdicts: map,
    at: positions(set),
    overrides: undefined,
  };
  const steps = stepsOf(set);
  for (const s of only ? only.map((i) => steps[i]!) : steps) {
    ctx.overrides = overrides?.get(s.id);
    const res = ctx.overrides ? ruleOut(s.rule, ctx) : applies(s, asOf) ? s.plain(ctx) : NOT_MET;
    map.set(s.id, verdictOf(res.truth));
  }
  const caps = capsOf(windowsOf(set, answers, ctx.vals, asOf));
  if (!caps.size) return map;
  const out = new Map(map);
  for (const id of caps.keys()) if (out.get(id) === 'eligible') out.set(id, 'possible');
  uncapped.set(out, map);
  return out;
}

/** A capped verdict map → the same verdicts before the deadline caps (what references read). */
const uncapped = new WeakMap<Map<string, Verdict>, Map<string, Verdict>>();

/** The deadlines the answers give a date for: `when` met, counted from the earliest answered `from` date. */
function windowsOf(set: RuleSet, answers: Answers, vals: Ctx['vals'], asOf: string): Window[] {
  const out: Window[] = [];
  const ctx: Ctx = { answers, params: set.parameters, vals, asOf, verdicts: new Map(), at: positions(set) };
  for (const rule of set.deadlines) {
    if (!applies(rule, asOf)) continue;
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

function detail(
  set: RuleSet,
  rule: Rule,
  answers: Answers,
  asOf: string,
  all: Map<string, Verdict>,
  later: (date: string) => Map<string, Verdict>,
  cap: Window | undefined,
): CategoryResult {
  const params = set.parameters;
  const lines = new Map<number, Out>();
  const doubts: Doubt[] = [];
  const vals = unread(set);
  const ctx: Ctx = { answers, params, vals, asOf, verdicts: all, lines, doubts, at: positions(set) };
  const out = ruleOut(rule, ctx);
  const raw = verdictOf(out.truth);
  // A passed application window: at best "possible", and an expert weighs the delay.
  const capped = cap !== undefined && raw !== 'not_eligible';
  const verdict = capped ? 'possible' : raw;

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
      const probe: Ctx = {
        answers,
        params,
        vals,
        asOf,
        verdicts: all,
        overrides: new Map([[d.n, t]]),
        at: positions(set),
      };
      return verdictOf(ruleOut(rule, probe).truth) !== raw;
    });
    if (!decisive) continue;
    const reason: ExpertReason = { key: d.key ?? lineKey(rule, nodeTable(rule.condition), d.n), why: d.why };
    if (d.date) reason.date = d.date;
    reasons.push(reason);
  }
  // A route the sources do not confirm, or a caution from the status held, decides how the person
  // could apply when no other route fits where they are: only for a category that may fit.
  const routes = routesFor(rule, answers, params);
  const where = usable(answers[params.routeFacts.place]);
  if (verdict !== 'not_eligible' && !routes.some((r) => r.fits === T))
    for (const r of routes) {
      if (where !== params.routePlace[r.route]) continue;
      if (r.doubt) reasons.push({ key: r.doubt, why: rule.routeDoubts?.[r.route]?.confidence ?? 'uncertain' });
      // A caution the sources leave open (rules/parameters.yaml status_routes `expert`).
      const expert = r.note && params.statusRoutes.find((s) => s.note === r.note)?.expert;
      if (expert) reasons.push({ key: `engine.routeNote.${r.note}`, why: expert });
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
    trace: rule.deleted ? [] : buildTrace(rule, lines, set.index.lineFacts[rule.id] ?? {}),
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
  const windows = windowsOf(set, answers, unread(set), asOf);
  const caps = capsOf(windows);
  return {
    rulesVersion: set.version,
    asOf,
    // set.rules is in evaluation order; results come in the display order of rules/index.yaml.
    results: [...set.rules]
      .sort((a, b) => a.order - b.order)
      .map((rule) => detail(set, rule, answers, asOf, all, later, caps.get(rule.id))),
    deadlines: windows
      .map(deadlineOf)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1)),
  };
}
