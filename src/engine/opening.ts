// The questions asked when nothing is answered yet, the first of every journey: worked out by the
// compiler (buildIndex's caller) once for each period in which they stay the same, so that the
// first question page, and Start, do not wait for the engine's costliest call on a cold page.
// With no answers, what the engine asks changes only on a date the rules name (a rule coming into
// force, a dated parameter such as the age of majority): every such date starts a period.
import { nextQuestions } from './questions';
import type { RuleSet } from './types';

type Opening = NonNullable<RuleSet['index']['opening']>[number];

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

/** The opening questions of a rule set for every period (adjacent periods that ask the same merged). */
export function openingQuestions(set: RuleSet): Opening[] {
  const bare: RuleSet = { ...set, index: { ...set.index, opening: undefined } };
  const named = JSON.stringify(bare).match(ISO_DATE) ?? [];
  const out: Opening[] = [];
  for (const from of ['0000-01-01', ...new Set(named)].sort()) {
    const next = nextQuestions(bare, {}, from);
    const last = out[out.length - 1];
    if (!last || last.next.join(' ') !== next.join(' ')) out.push({ from, next });
  }
  return out;
}

/** The rule set with its opening questions, worked out from the rest of it (the compiler's last step). */
export function withOpening(set: RuleSet): RuleSet {
  return { ...set, index: { ...set.index, opening: openingQuestions(set) } };
}
