// Answer sets as the app shell needs them at start, before transfer.ts (export / import / share
// links, loaded on demand) is there: counting and comparing answers, putting them in order, the
// export file's name and the share link's key. Pure.
import type { Answers, RuleSet } from '../../engine/types';

/** The fragment of a share link starts with `#answers=` (docs/answers-format.md, "Share links"). */
export const LINK_KEY = 'answers';

/** Whether a URL fragment is meant as a share link (then it is decoded, and refused if bad). */
export function isShareFragment(hash: string): boolean {
  return /^#?answers(=|$)/.test(hash);
}

export const countAnswers = (answers: Answers): number => Object.keys(answers).length;

/**
 * `answers-2026-11-23.json`: the name says nothing of what the answers are about (a downloads
 * folder is seen by whoever uses the device).
 */
export function exportFileName(date: string): string {
  return `answers-${date}.json`;
}

/** Whether two answer sets hold the same answers. */
export function sameAnswers(a: Answers, b: Answers): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** The answered facts in question order (the catalogue is in question order): the journey's path after an import. */
export function pathInOrder(set: RuleSet, answers: Answers): string[] {
  return set.facts.filter((f) => answers[f.id] !== undefined).map((f) => f.id);
}
