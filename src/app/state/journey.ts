// The journey: the answers (language-neutral codes) and the order in which the questions were
// answered. Pure functions over the engine; the React pages call these.
import { irrelevantAnswers, nextQuestions } from '../../engine/questions';
import { screen } from '../../engine';
import type { AnswerValue, Answers, Fact, RuleSet } from '../../engine/types';
import type { Route } from './router';
import { currentStep, type Journey } from './journey-steps';

// Reading the stored journey back, and the answers file, need the engine's answer checks: here, off the first page.
export { loadJourney } from './storage-load';
export { serializeAnswers } from '../../engine/answers';

// The engine-free part (the start page and the frame of every page load before the engine).
export { canShow, currentStep, emptyJourney, type Journey } from './journey-steps';

/**
 * Memoises a costly engine call per answers object (answers are replaced, never mutated): the
 * shell, the page and its parts ask for the same result in one render, and answering then
 * rendering the next page computes it once.
 */
function perAnswers<T>(compute: (set: RuleSet, answers: Answers, asOf: string) => T) {
  const cache = new WeakMap<Answers, { set: RuleSet; asOf: string; value: T }>();
  return (set: RuleSet, answers: Answers, asOf: string): T => {
    const hit = cache.get(answers);
    if (hit && hit.set === set && hit.asOf === asOf) return hit.value;
    const value = compute(set, answers, asOf);
    cache.set(answers, { set, asOf, value });
    return value;
  };
}

/** The engine's nextQuestions (every open fact × every value × every rule), memoised. */
export const nextFor = perAnswers(nextQuestions);

/** The engine's full screening with traces, memoised: the results page, its tree and the exit control share it. */
export const screenFor = perAnswers(screen);

export function factById(set: RuleSet, id: string): Fact | undefined {
  return set.facts.find((f) => f.id === id);
}

/** Where Back goes from a question: the previous answered question, or the page the change came from. */
export function previousOf(journey: Journey, factId: string, returnTo?: 'check'): Route {
  if (returnTo) return { page: 'check' };
  const i = journey.path.indexOf(factId);
  const prev = i > 0 ? journey.path[i - 1] : i === -1 ? journey.path.at(-1) : undefined;
  return prev ? { page: 'question', factId: prev } : { page: 'start' };
}

export interface AnswerOutcome {
  journey: Journey;
  changed: boolean;
  /** Answers dropped because they no longer matter after the change. */
  dropped: string[];
}

/**
 * Records an answer. When an earlier answer changes, later answers are kept unless they no
 * longer matter (engine's irrelevantAnswers), dropped one at a time from the latest so that two
 * answers which each make the other redundant are not both lost.
 */
export function applyAnswer(
  set: RuleSet,
  journey: Journey,
  factId: string,
  value: AnswerValue,
  asOf: string,
): AnswerOutcome {
  const before = journey.answers[factId];
  const answers: Answers = { ...journey.answers, [factId]: value };
  let path = journey.path.includes(factId) ? [...journey.path] : [...journey.path, factId];
  const changed = before !== undefined && before !== value;
  const dropped: string[] = [];
  if (changed) {
    const at = path.indexOf(factId);
    const keep = new Set([factId, set.parameters.routeFacts.place, ...path.slice(0, at + 1)]);
    const rank = (id: string) => {
      const i = path.indexOf(id);
      return i === -1 ? Number.MAX_SAFE_INTEGER : i;
    };
    for (;;) {
      const candidates = irrelevantAnswers(set, answers, asOf).filter((id) => !keep.has(id));
      if (!candidates.length) break;
      const last = candidates.sort((a, b) => rank(b) - rank(a))[0]!;
      delete answers[last];
      dropped.push(last);
    }
    path = path.filter((id) => answers[id] !== undefined);
  }
  return { journey: { answers, path }, changed, dropped };
}

/**
 * Where to go after answering: in a change from check-your-answers, back there (or to a newly
 * needed question first, naming the change that opened it); otherwise on to the next question already answered on the path
 * (walking forward after Back), else the next open question, else check your answers.
 */
export function afterAnswer(
  set: RuleSet,
  outcome: AnswerOutcome,
  factId: string,
  asOf: string,
  returnTo?: 'check',
  changed?: string,
): Route {
  const { journey } = outcome;
  const next = nextFor(set, journey.answers, asOf);
  if (returnTo) {
    const first = next[0];
    // Questions the change opened are asked next, each saying why; then back to check your answers.
    return first ? { page: 'question', factId: first, returnTo, changed: changed ?? factId } : { page: 'check' };
  }
  const i = journey.path.indexOf(factId);
  const following = journey.path[i + 1];
  if (following) return { page: 'question', factId: following };
  return currentStep(next, journey);
}
