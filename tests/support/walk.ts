// A wizard walk through the engine's `next` list: the first question still worth asking is
// answered, then the next, until none is left. Shared by the walk tests (tests/engine/walk.test.ts).
import {
  closedQuestions,
  nextQuestions,
  type AnswerValue,
  type Answers,
  type Fact,
  type RuleSet,
} from '../../src/engine';
import { NOT_APPLICABLE, overviewsOf, premiseTruth } from '../../src/engine/premises';

export interface Walk {
  asked: string[];
  answers: Answers;
  /** Questions asked although an earlier answer denied their premise (must stay empty). */
  againstPremise: string[];
}

/** The facts whose premise needs `id` at one value ("does any of these apply?" and its details). */
const detailsOf = (set: RuleSet, id: string) =>
  set.facts.filter((f) => f.premise && overviewsOf(f.premise).some((o) => o.fact === id));

/** The conditions on `id` in the premises of its details, with the detail. */
function* detailConds(set: RuleSet, id: string): Generator<[Fact, { fact: string; in: string[] }, string | undefined]> {
  for (const f of detailsOf(set, id)) {
    const p = f.premise!;
    // The value the detail takes when this condition denies it: its own else, else the premise's.
    for (const c of 'all' in p ? p.all : [p]) if ('fact' in c && c.fact === id) yield [f, c, c.else ?? p.else];
  }
}
const overviewConds = function* (set: RuleSet, id: string) {
  for (const [, c] of detailConds(set, id)) yield c;
};

/**
 * What a persona's own answers say of an overview question it is silent on ("does any of these
 * apply?", asked after the personas were written): the details it answers, each at the value the
 * closed overview would give (none applies), or one of them raised. Undefined when they do not tell.
 */
function implied(set: RuleSet, id: string, own: Answers, asOf: string): AnswerValue | undefined {
  if (own[id] !== undefined) return own[id];
  const fact = set.facts.find((f) => f.id === id)!;
  if (fact.type === 'multi') {
    // "Select all that apply": an option is chosen when the persona answers one of its details
    // other than "none applies" (or "I don't know": unsure, select it); silence chooses nothing.
    const chosen = (fact.options ?? []).filter((o) =>
      [...detailConds(set, id)].some(([d, c, otherwise]) => {
        if (!c.in.includes(o)) return false;
        const v = implied(set, d.id, own, asOf);
        return v !== undefined && v !== otherwise;
      }),
    );
    return chosen.length ? chosen.join(',') : 'none';
  }
  const keep = [...overviewConds(set, id)][0]?.in ?? [];
  // Details the persona's other answers close anyway (e.g. refugee protection for someone abroad) tell nothing.
  const open = closedQuestions(set, { ...own, [id]: keep[0] }, asOf);
  const telling = [...detailConds(set, id)].filter(([d, , otherwise]) => otherwise !== undefined && !open.has(d.id));
  if (!telling.length) return undefined;
  const values = telling.map(([d]) => implied(set, d.id, own, asOf));
  // One detail answered other than "none applies" raises the overview; all of them at it, "no".
  if (values.some((v, i) => v !== undefined && v !== 'unknown' && v !== telling[i]![2])) return keep[0];
  if (values.some((v) => v === undefined)) return undefined;
  return (fact.type === 'yesno' ? ['yes', 'no'] : (fact.options ?? [])).find((v) => !keep.includes(v));
}

/**
 * How a persona answers a question: its own answer, or what its answers imply for an overview it
 * is silent on; else "I don't know" where allowed, else the answer a closed premise would give,
 * else "no" or the first option.
 */
export function personaAnswer(set: RuleSet, fact: Fact, own: Answers, asOf: string): AnswerValue {
  const given = implied(set, fact.id, own, asOf);
  if (given !== undefined) return given;
  if (fact.dontKnow) return 'unknown';
  if (fact.premise?.else !== undefined) return fact.premise.else;
  return fact.type === 'yesno' ? 'no' : (fact.options?.[0] ?? 'unknown');
}

export function walk(
  set: RuleSet,
  asOf: string,
  answerOf: (fact: Fact, answers: Answers) => AnswerValue,
  limit = set.facts.length + 1,
): Walk {
  const answers: Answers = {};
  const asked: string[] = [];
  const againstPremise: string[] = [];
  const byId = new Map(set.facts.map((f) => [f.id, f]));
  for (let i = 0; i < limit; i++) {
    const next = nextQuestions(set, answers, asOf)[0];
    if (!next) break;
    const fact = byId.get(next)!;
    // Read as the rules read: an earlier question closed by its own premise counts as its `else`.
    const closed = closedQuestions(set, answers, asOf);
    const read = (id: string) => (closed.has(id) ? (closed.get(id) ?? NOT_APPLICABLE) : answers[id]);
    if (closed.has(next) || (fact.premise && premiseTruth(fact.premise, read, asOf) === 'not_met'))
      againstPremise.push(next);
    asked.push(next);
    answers[next] = answerOf(fact, answers);
  }
  return { asked, answers, againstPremise };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
