// The sections of the journey, derived from the fact groups (rules/facts.yaml keeps each group
// together, in the order asked): check your answers and /questions list answers by section, and
// the question page says "Part 2 of 5: Marriage and children". Pure: no React, no DOM.
import { closedQuestions, impliedGates, verdicts } from '../engine';
import type { Answers, Fact, FactGroup, RuleSet } from '../engine/types';

export type SectionId = 'you' | 'marriage' | 'family' | 'residence' | 'conduct';

/** The sections in the order the questions come, each gathering one or more fact groups. */
export const SECTIONS: { id: SectionId; groups: FactGroup[] }[] = [
  { id: 'you', groups: ['you'] },
  { id: 'marriage', groups: ['marriage'] },
  { id: 'family', groups: ['family'] },
  { id: 'residence', groups: ['residence'] },
  { id: 'conduct', groups: ['conduct', 'livelihood'] },
];

export function sectionOf(fact: Fact): SectionId {
  return SECTIONS.find((s) => s.groups.includes(fact.group))!.id;
}

export interface SectionProgress {
  /** 1-based: how many sections the path has reached, up to and including this question's. */
  part: number;
  /** The sections reached, plus those that still have a question that may be asked. */
  of: number;
  section: SectionId;
}

/**
 * "Part 2 of 5": counts the sections the answered path reaches and those still holding a
 * question that may yet be asked (unanswered, not closed by a premise, read by a category still
 * possible). On a path answered forward `of` never goes up and `part` never down; a question
 * revisited on the path shows the part it had, and no question is ever called the last.
 */
export function sectionProgress(
  set: RuleSet,
  answers: Answers,
  path: string[],
  next: string[],
  factId: string,
  asOf: string,
): SectionProgress {
  const byId = new Map(set.facts.map((f) => [f.id, f]));
  const sectionOfId = (id: string) => {
    const f = byId.get(id);
    return f ? sectionOf(f) : undefined;
  };
  const at = path.indexOf(factId);
  const upTo = at === -1 ? [...path, factId] : path.slice(0, at + 1);
  const reachedNow = new Set(upTo.map(sectionOfId).filter((s) => s !== undefined));
  const reached = new Set([...path, factId].map(sectionOfId).filter((s) => s !== undefined));

  const base = verdicts(set, answers, asOf);
  const closed = closedQuestions(set, answers, asOf);
  const implied = impliedGates(set, answers);
  const still = new Set(next.map(sectionOfId).filter((s) => s !== undefined));
  for (const f of set.facts)
    if (
      answers[f.id] === undefined &&
      !closed.has(f.id) &&
      !implied.has(f.id) &&
      f.readBy.some((r) => base.get(r) === 'possible')
    )
      still.add(sectionOf(f));
  for (const s of reached) still.delete(s);
  return { part: reachedNow.size, of: reached.size + still.size, section: sectionOfId(factId) ?? 'you' };
}
