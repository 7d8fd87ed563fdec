// Whether a sensitive topic (violence in the marriage, a refugee claim, a criminal record) has
// appeared on screen. ("Exit this page" itself is on every page from the start; sensitive
// questions also get a neutral page title, usePageTitle.ts.) Pure: the facts carry `sensitive:` in
// rules/facts.yaml (a question whose wording itself reveals the topic). A topic has appeared when
//   1. the page on screen asks a sensitive question (or lists every question), or
//   2. a sensitive question has been answered (whatever the answer: it was asked), or
//   3. the results show a category (not in the folded "not eligible" list) with a condition line,
//      met or still open, that reads a sensitive question.
import type { Answers, CategoryResult, Fact, RuleSet, TraceLine } from '../../engine/types';
import { groupOf } from '../../present/groups';
import type { Route } from './router';

export type SensitiveTopic = NonNullable<Fact['sensitive']>;

export interface SensitiveReason {
  topic: SensitiveTopic;
  /** Why: the question on screen, an answered question, or a category shown on the results. */
  why: 'page' | 'answer' | 'result';
  fact: string;
  /** The category, for `why: 'result'`. */
  rule?: string;
}

/** The sensitive facts of a rule set, by id. */
export function sensitiveFacts(set: RuleSet): Map<string, SensitiveTopic> {
  const out = new Map<string, SensitiveTopic>();
  for (const f of set.facts) if (f.sensitive) out.set(f.id, f.sensitive);
  return out;
}

/** The first sensitive fact read by a leaf condition line that is met or open. */
function sensitiveLine(lines: TraceLine[], facts: Map<string, SensitiveTopic>): string | undefined {
  for (const line of lines) {
    if (line.truth === 'not_met') continue;
    if (line.children.length) {
      const below = sensitiveLine(line.children, facts);
      if (below) return below;
      continue;
    }
    const hit = line.facts.find((f) => facts.has(f));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Why a sensitive topic is on screen now, or undefined. `results` are the screening results when
 * a page shows them (the results page, the printable sheet); leave out otherwise.
 */
export function sensitiveReason(
  set: RuleSet,
  now: { route: Route; answers: Answers; results?: CategoryResult[] },
): SensitiveReason | undefined {
  const facts = sensitiveFacts(set);
  const { route, answers, results } = now;
  if (route.page === 'question') {
    const topic = facts.get(route.factId);
    if (topic) return { topic, why: 'page', fact: route.factId };
  }
  // The scrivener's overview lists every question on one page.
  if (route.page === 'questions') {
    const [fact, topic] = [...facts][0] ?? [];
    if (fact && topic) return { topic, why: 'page', fact };
  }
  for (const [fact, topic] of facts) if (answers[fact] !== undefined) return { topic, why: 'answer', fact };
  for (const r of results ?? []) {
    if (groupOf(r) === 'notEligible') continue; // folded away on the results page
    const fact = sensitiveLine(r.trace, facts);
    if (fact) return { topic: facts.get(fact)!, why: 'result', fact, rule: r.id };
  }
  return undefined;
}
