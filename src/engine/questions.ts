// Which unanswered facts could still change some verdict: the wizard asks only those.
import { verdicts } from './evaluate';
import { closedQuestions, impliedGates, NOT_APPLICABLE, premiseFacts, premiseTruth } from './premises';
import type { Answers, Fact, RuleSet, Truth, Verdict } from './types';

function sameVerdicts(a: Map<string, Verdict>, b: Map<string, Verdict>): boolean {
  for (const [id, v] of a) if (b.get(id) !== v) return false;
  return true;
}

const LONG_AGO = '1900-01-01';

const nothingAnswered = (answers: Answers) => Object.values(answers).every((v) => v === undefined);

/** The compiled opening questions on a date (the last period begun by then). */
function openingOn(list: NonNullable<RuleSet['index']['opening']>, asOf: string): string[] | undefined {
  let next: string[] | undefined;
  for (const o of list) {
    if (o.from > asOf) break;
    next = o.next;
  }
  return next && [...next];
}

/**
 * A fact matters if answering it could change a verdict.
 * Yes/no and choice facts: try every answer. Dates and numbers have too many values, so each
 * leaf that reads the fact is forced met and not met in turn; that can over-ask slightly when
 * one date feeds two leaves, never under-ask.
 */
export function factMatters(set: RuleSet, answers: Answers, asOf: string, fact: Fact, base: Map<string, Verdict>) {
  const only = set.index.affects[fact.id] ?? [];
  if (fact.type === 'yesno' || fact.type === 'choice' || fact.type === 'multi') {
    const values =
      fact.type === 'yesno'
        ? ['yes', 'no']
        : fact.type === 'multi'
          ? ['none', ...(fact.options ?? [])]
          : (fact.options ?? []);
    return values.some(
      (value) => !sameVerdicts(base, verdicts(set, { ...answers, [fact.id]: value }, asOf, undefined, only, base)),
    );
  }
  // A date an application window counts from: a date long past closes the window, which caps
  // the categories it governs (rules/deadlines.yaml).
  if (fact.type === 'date' && set.index.windowFacts.includes(fact.id)) {
    const closed = verdicts(set, { ...answers, [fact.id]: LONG_AGO }, asOf, undefined, only, base);
    if (!sameVerdicts(base, closed)) return true;
  }
  // A date a premise reads as an age: the youngest and the oldest age open or close the questions
  // that presuppose it (e.g. a child's birth date: is the child old enough to marry?), and so
  // change which of their answers the rules read.
  if (fact.type === 'date' && set.index.ageFacts.includes(fact.id))
    for (const d of [asOf, LONG_AGO])
      if (!sameVerdicts(base, verdicts(set, { ...answers, [fact.id]: d }, asOf, undefined, only, base))) return true;
  const leaves = set.index.leaves[fact.id] ?? {};
  for (const ruleId of fact.readBy) {
    if (base.get(ruleId) !== 'possible') continue;
    for (const n of leaves[ruleId] ?? []) {
      for (const t of ['met', 'not_met'] as Truth[]) {
        const forced = verdicts(set, answers, asOf, new Map([[ruleId, new Map([[n, t]])]]), only, base);
        if (!sameVerdicts(base, forced)) return true;
      }
    }
  }
  return false;
}

/**
 * The unanswered facts whose answer could still change some verdict, in the order the wizard asks
 * them: the catalogue's (rules/facts.yaml), which goes section by section, overviews before their
 * details and each follow-up right after the question that raises it. A question whose premise the
 * answers deny is never among them, whatever else is unknown.
 */
export function nextQuestions(set: RuleSet, answers: Answers, asOf: string): string[] {
  // Nothing answered yet: the compiler has worked the list out for each period (src/engine/opening.ts).
  const opening = set.index.opening && nothingAnswered(answers) ? openingOn(set.index.opening, asOf) : undefined;
  if (opening) return opening;
  const base = verdicts(set, answers, asOf);
  const implied = impliedGates(set, answers);
  const closed = closedQuestions(set, answers, asOf);
  const open = set.facts.filter((f) => answers[f.id] === undefined && !implied.has(f.id) && !closed.has(f.id));
  const read = (id: string) => (closed.has(id) ? (closed.get(id) ?? NOT_APPLICABLE) : answers[id]);
  const possible = (f: Fact) => f.readBy.some((r) => base.get(r) === 'possible');
  const decisive = new Set(open.filter((f) => factMatters(set, answers, asOf, f, base)).map((f) => f.id));
  if (!decisive.size) {
    // No single answer changes a verdict, but a combination may, e.g. (x and y) or (not x and z):
    // ask what the still-possible rules read.
    return open.filter(possible).map((f) => f.id);
  }
  for (const f of open) {
    if (!f.premise || decisive.has(f.id)) continue;
    // A follow-up whose premise the answers meet, read by a category still open: asked right
    // after the answer that raises it (e.g. DV right after "the marriage has broken down"), even
    // when it decides nothing alone yet.
    if (possible(f) && premiseTruth(f.premise, read, asOf) === 'met') decisive.add(f.id);
  }
  // An overview before its details: a detail worth asking brings the unanswered questions its
  // premise names (e.g. "does any of these apply?" before the prison sentence).
  for (const f of open)
    if (decisive.has(f.id) && f.premise)
      for (const id of premiseFacts(f.premise)) if (open.some((o) => o.id === id)) decisive.add(id);
  return open.filter((f) => decisive.has(f.id)).map((f) => f.id);
}

/** Answers that no longer matter given the others (e.g. after a change): candidates to drop. */
export function irrelevantAnswers(set: RuleSet, answers: Answers, asOf: string): string[] {
  return set.facts
    .filter((f) => answers[f.id] !== undefined)
    .filter((f) => {
      const rest = { ...answers };
      delete rest[f.id];
      return !factMatters(set, rest, asOf, f, verdicts(set, rest, asOf));
    })
    .map((f) => f.id);
}
