// Premises (rules/facts.yaml `premise:`): what a question presupposes of earlier answers, e.g.
// spouse questions a marriage, conduct details a "yes" to the overview. The one place the table is
// read: a denied premise closes the question (never asked, its stored answer ignored, the rules
// read the premise's `else` value or nothing), for the evaluator, the next questions and the pages.
import { chosenOf } from './answers';
import { ageOn, isValidDate } from './dates';
import { F, T, U } from './truth';
import type { AnswerValue, Answers, Fact, PremiseCond, RuleSet, Truth } from './types';

/** The questions with a premise, in catalogue order (RuleIndex.premised). */
const premised = (set: RuleSet): Fact[] => set.index.premised.map((i) => set.facts[i]!);

/** The date questions a premise reads as an age. */
export function premiseAges(cond: PremiseCond): string[] {
  if ('any' in cond) return cond.any.flatMap(premiseAges);
  if ('all' in cond) return cond.all.flatMap(premiseAges);
  return 'age' in cond ? [cond.age] : [];
}

/** The questions a premise names. */
export function premiseFacts(cond: PremiseCond): string[] {
  if ('any' in cond) return cond.any.flatMap(premiseFacts);
  if ('all' in cond) return cond.all.flatMap(premiseFacts);
  return ['age' in cond ? cond.age : cond.fact];
}

/** What a premise reads for a question itself closed without an `else`: it does not apply, so
 *  neither does anything that presupposes an answer to it. */
export const NOT_APPLICABLE = Symbol('not applicable');
type Read = (fact: string) => AnswerValue | typeof NOT_APPLICABLE | undefined;

/** Three-valued: met, not met (denied) or unknown ("I don't know" and no answer count as unknown). */
export function premiseTruth(cond: PremiseCond, read: Read, asOf: string): Truth {
  if ('any' in cond || 'all' in cond) {
    // Kleene: one met child settles an `any`, one not met child an `all`.
    const [list, settles] = 'any' in cond ? [cond.any, T] : [cond.all, F];
    let unknown = false;
    for (const c of list) {
      const t = premiseTruth(c, read, asOf);
      if (t === settles) return settles;
      if (t === U) unknown = true;
    }
    return unknown ? U : settles === T ? F : T;
  }
  if ('age' in cond) {
    const birth = read(cond.age);
    if (birth === NOT_APPLICABLE) return 'not_met';
    if (typeof birth !== 'string' || !isValidDate(birth) || birth > asOf) return 'unknown';
    const age = ageOn(birth, asOf);
    if (cond.under !== undefined && age >= cond.under) return 'not_met';
    if (cond.atLeast !== undefined && age < cond.atLeast) return 'not_met';
    return 'met';
  }
  const v = read(cond.fact);
  if (v === NOT_APPLICABLE) return 'not_met';
  if (v === undefined || v === 'unknown') return 'unknown';
  // A multi answer meets the condition when any of the values is among those chosen.
  const chosen = typeof v === 'string' && v.includes(',') ? chosenOf(v) : [String(v)];
  return chosen.some((c) => cond.in.includes(c)) ? 'met' : 'not_met';
}

/**
 * The value a denied premise gives its question: the `else` of the condition that denies it (in an
 * `all`, the first denied; the innermost `else` wins), else the enclosing one's, else none.
 */
function deniedValue(cond: PremiseCond, read: Read, asOf: string): string | undefined {
  if ('all' in cond) {
    const c = cond.all.find((x) => premiseTruth(x, read, asOf) === 'not_met');
    return (c && deniedValue(c, read, asOf)) ?? cond.else;
  }
  if ('any' in cond) return cond.any.map((c) => deniedValue(c, read, asOf)).find((v) => v !== undefined) ?? cond.else;
  return cond.else;
}

/**
 * The questions not to ask: those whose premise the answers deny, and those whose met premise
 * already answers them (`then`), each with the value the rules read instead (undefined: none).
 * Walked in catalogue order, so a premise reads an earlier question as the rules see it (a closed
 * question's `else`, not its stale answer).
 */
export function closedQuestions(
  set: RuleSet,
  answers: Answers,
  asOf: string,
  named?: readonly (AnswerValue | undefined)[],
): ReadonlyMap<string, AnswerValue | undefined> {
  // Memoised on the answers the premises read: the next-question search evaluates thousands of
  // answer sets that differ in one fact, most of them a fact no premise reads. `named`: those
  // answers (set.index.premiseNamed, in order) when the caller has read them already.
  // A memo of results (per answers), not of lookups: bounded, and dropped with the rule set.
  let memo = memos.get(set);
  if (!memo) memos.set(set, (memo = new Map<string, Closed>()));
  // Joined at once: a key built by += is a chain of pieces, copied again to be hashed (join
  // writes no answer as '').
  const key = [asOf, ...(named ?? set.index.premiseNamed.map((id) => answers[id]))].join('|');
  const hit = memo.get(key);
  if (hit) return hit;
  const closed = compute(set, answers, asOf);
  if (memo.size >= 2000) memo.clear();
  memo.set(key, closed);
  return closed;
}

type Closed = ReadonlyMap<string, AnswerValue | undefined>;
const memos = new WeakMap<RuleSet, Map<string, Closed>>();

function compute(set: RuleSet, answers: Answers, asOf: string): Map<string, AnswerValue | undefined> {
  const closed = new Map<string, AnswerValue | undefined>();
  const read: Read = (id) => (closed.has(id) ? (closed.get(id) ?? NOT_APPLICABLE) : answers[id]);
  for (const i of set.index.premised) {
    const f = set.facts[i]!;
    const p = f.premise!;
    const truth = premiseTruth(p, read, asOf);
    if (truth === 'not_met') closed.set(f.id, deniedValue(p, read, asOf));
    else if (truth === 'met' && p.then !== undefined) closed.set(f.id, p.then);
  }
  return closed;
}

/**
 * The answers the rules see: a question whose premise is denied takes the premise's `else` value
 * (or none), whatever was answered before the earlier answer changed.
 */
export function effectiveAnswers(set: RuleSet, answers: Answers, asOf: string): Answers {
  let out = answers;
  for (const [id, value] of closedQuestions(set, answers, asOf)) {
    if (answers[id] === value) continue;
    if (out === answers) out = { ...answers };
    if (value === undefined) delete out[id];
    else out[id] = value;
  }
  return out;
}

/**
 * Overview questions already answered in effect: a follow-up was answered with something its
 * denied premise would rule out (e.g. a fine on the record, so "does any of these apply?" is yes).
 * Only a question a premise needs at one value is implied so (overviewsOf). Asking it could only contradict
 * that answer. Happens with answers from a file, a share link or a journey saved earlier.
 */
export function impliedGates(set: RuleSet, answers: Answers): Set<string> {
  const implied = new Set<string>();
  // From the last question back: an overview implied so implies its own overview in turn (a
  // lineage answer implies a Japanese ancestor, which implies the overview's option).
  const list = premised(set);
  for (let i = list.length - 1; i >= 0; i--) {
    const f = list[i]!;
    const v = answers[f.id];
    for (const o of overviewsOf(f.premise!)) {
      // Answered other than what the overview's denial would give (or itself implied): the overview is answered in effect.
      const given = v !== undefined && v !== 'unknown' && v !== (o.else ?? f.premise!.else);
      if (given || (v === undefined && implied.has(f.id))) implied.add(o.fact);
    }
  }
  return implied;
}

/**
 * The overview questions of a premise: those it needs answered with one value (alone, or as a
 * member of a top-level `all`), e.g. conduct_any for the conduct details.
 */
export function overviewsOf(premise: PremiseCond): { fact: string; value: string; else?: string | undefined }[] {
  const one = (c: PremiseCond) =>
    'fact' in c && c.in.length === 1 ? [{ fact: c.fact, value: c.in[0]!, else: c.else }] : [];
  return 'all' in premise ? premise.all.flatMap(one) : one(premise);
}
