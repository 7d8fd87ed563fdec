// The journey's shape and where it stands, without the engine: what the start page and the frame
// of every page need before the rules and the engine have loaded (src/app/state/journey.ts has the
// rest and re-exports this).
import type { Answers } from '../../engine/types';
import type { Route } from './router';

export interface Journey {
  answers: Answers;
  /** Fact ids in the order they were answered; only answered facts. */
  path: string[];
}

export const emptyJourney = (): Journey => ({ answers: {}, path: [] });

/** Where the journey stands: the first question still worth asking, else check your answers. */
export function currentStep(next: string[], journey: Journey): Route {
  const first = next[0];
  if (first) return { page: 'question', factId: first };
  return journey.path.length ? { page: 'check' } : { page: 'start' };
}

/** A question page may be shown if it was answered or can still change a verdict. */
export function canShow(journey: Journey, next: string[], factId: string): boolean {
  return journey.answers[factId] !== undefined || next.includes(factId);
}
