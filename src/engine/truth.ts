// The three truth values of the evaluation (Kleene logic), what a condition evaluates to, and the
// verdict a rule's truth gives.
import type { Truth, Verdict } from './types';

export const T: Truth = 'met';
export const F: Truth = 'not_met';
export const U: Truth = 'unknown';

export const verdictOf = (t: Truth): Verdict => (t === T ? 'eligible' : t === F ? 'not_eligible' : 'possible');

export interface Out {
  truth: Truth;
  metFrom?: string;
}
export const MET: Out = Object.freeze({ truth: T });
export const NOT_MET: Out = Object.freeze({ truth: F });
export const UNKNOWN: Out = Object.freeze({ truth: U });

/** An answer the rules can use: "I don't know" counts as no answer. */
export const usable = (v: string | number | undefined) => (v === undefined || v === 'unknown' ? undefined : v);
