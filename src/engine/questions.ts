// Which unanswered facts could still change some verdict: the wizard asks only those.
import { affectedBy, factsOf, nodeTable, verdicts } from './evaluate';
import { childrenOf } from './tree';
import type { Answers, Fact, RuleSet, Truth, Verdict } from './types';

function sameVerdicts(a: Map<string, Verdict>, b: Map<string, Verdict>): boolean {
  for (const [id, v] of a) if (b.get(id) !== v) return false;
  return true;
}

const LONG_AGO = '1900-01-01';
const windowFactSets = new WeakMap<RuleSet, Set<string>>();
function windowFacts(set: RuleSet): Set<string> {
  let out = windowFactSets.get(set);
  if (!out)
    windowFactSets.set(set, (out = new Set(set.deadlines.filter((d) => d.kind === 'apply').flatMap((d) => d.from))));
  return out;
}

/**
 * A fact matters if answering it could change a verdict.
 * Yes/no and choice facts: try every answer. Dates and numbers have too many values, so each
 * leaf that reads the fact is forced met and not met in turn; that can over-ask slightly when
 * one date feeds two leaves, never under-ask.
 */
export function factMatters(set: RuleSet, answers: Answers, asOf: string, fact: Fact, base: Map<string, Verdict>) {
  const only = affectedBy(set, fact.id);
  if (fact.type === 'yesno' || fact.type === 'choice') {
    const values = fact.type === 'yesno' ? ['yes', 'no'] : (fact.options ?? []);
    return values.some(
      (value) => !sameVerdicts(base, verdicts(set, { ...answers, [fact.id]: value }, asOf, undefined, only, base)),
    );
  }
  // A date an application window counts from: a date long past closes the window, which caps
  // the categories it governs (rules/deadlines.yaml).
  if (fact.type === 'date' && windowFacts(set).has(fact.id)) {
    const closed = verdicts(set, { ...answers, [fact.id]: LONG_AGO }, asOf, undefined, only, base);
    if (!sameVerdicts(base, closed)) return true;
  }
  for (const ruleId of fact.readBy) {
    if (base.get(ruleId) !== 'possible') continue;
    const rule = set.rules.find((r) => r.id === ruleId);
    if (!rule) continue;
    for (const node of nodeTable(rule)) {
      if (!node || childrenOf(node).length || !factsOf(node).includes(fact.id)) continue; // leaves reading the fact
      for (const t of ['met', 'not_met'] as Truth[]) {
        const forced = verdicts(set, answers, asOf, new Map([[ruleId, new Map([[node.n, t]])]]), only, base);
        if (!sameVerdicts(base, forced)) return true;
      }
    }
  }
  return false;
}

/**
 * Gate questions already answered in effect: a follow-up was answered with something the closed
 * gate would rule out (e.g. a fine on the record, so "does any of these apply?" is yes). Asking
 * the gate then could only contradict that answer. Happens when answers come from a file, a
 * share link or a journey saved before the gate existed.
 */
export function impliedGates(set: RuleSet, answers: Answers): Set<string> {
  const implied = new Set<string>();
  for (const f of set.facts) {
    const v = answers[f.id];
    if (f.gate && v !== undefined && v !== 'unknown' && v !== f.gate.then) implied.add(f.gate.fact);
  }
  return implied;
}

/** The unanswered facts whose answer could still change some verdict, in the catalogue's order. */
export function nextQuestions(set: RuleSet, answers: Answers, asOf: string): string[] {
  const base = verdicts(set, answers, asOf);
  const implied = impliedGates(set, answers);
  const open = set.facts.filter((f) => answers[f.id] === undefined && !implied.has(f.id));
  const decisive = open.filter((f) => factMatters(set, answers, asOf, f, base));
  if (decisive.length) return decisive.map((f) => f.id);
  // No single answer changes a verdict, but a combination may, e.g. (x and y) or (not x and z):
  // ask what the still-possible rules read.
  return open.filter((f) => f.readBy.some((r) => base.get(r) === 'possible')).map((f) => f.id);
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
