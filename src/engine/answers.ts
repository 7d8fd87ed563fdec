// The answers file: `{ "version": 1, "answers": { "<fact id>": <value> } }`.
// Everything that reads answers from outside (CLI, import, share link, session storage) goes
// through parseAnswers, which refuses bad input with coded errors and never throws.
import { isValidDate } from './dates';
import type { Answers, Fact, RuleSet } from './types';

export const ANSWERS_VERSION = 1;
export const MAX_ANSWERS_BYTES = 64 * 1024;

export interface AnswerError {
  /** i18n key under `answersErrors.` */
  code:
    | 'tooLarge'
    | 'notJson'
    | 'notObject'
    | 'wrongVersion'
    | 'unknownTopField'
    | 'unknownFact'
    | 'wrongType'
    | 'badDate'
    | 'notOption'
    | 'future'
    | 'dateOrder';
  path: string;
  params?: Record<string, string | number>;
}

export type Parsed = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

// The envelope is checked by hand, not with zod: it is one shape test, and this module is on the
// first page (session storage is read through it), where zod/mini would add about 5 KB gzip.
// The values are checked per fact below, with messages zod could not give.
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The options chosen in a multi answer ("a,b", or "none" for none of them). */
export function chosenOf(value: string): string[] {
  return value === 'none' ? [] : value.split(',');
}

/** Checks one answer against its fact; returns the error or undefined. */
export function checkValue(fact: Fact, value: unknown, path: string): AnswerError | undefined {
  if (value === 'unknown') return fact.dontKnow ? undefined : { code: 'notOption', path, params: { value } };
  switch (fact.type) {
    case 'yesno':
      return value === 'yes' || value === 'no'
        ? undefined
        : { code: 'wrongType', path, params: { expected: 'yes|no' } };
    case 'choice':
      if (typeof value !== 'string') return { code: 'wrongType', path, params: { expected: 'string' } };
      return fact.options?.includes(value) ? undefined : { code: 'notOption', path, params: { value } };
    case 'multi': {
      if (typeof value !== 'string') return { code: 'wrongType', path, params: { expected: 'string' } };
      const chosen = chosenOf(value);
      const bad = chosen.find((c, i) => !fact.options?.includes(c) || chosen.indexOf(c) !== i);
      return bad === undefined && value !== '' ? undefined : { code: 'notOption', path, params: { value } };
    }
    case 'date':
      if (typeof value !== 'string') return { code: 'wrongType', path, params: { expected: 'YYYY-MM-DD' } };
      return isValidDate(value) ? undefined : { code: 'badDate', path, params: { value } };
  }
}

/** Contradictions between answers, caught at the question: future dates, dates in the wrong order. */
export function checkConsistency(set: RuleSet, answers: Answers, asOf: string): AnswerError[] {
  const errors: AnswerError[] = [];
  for (const fact of set.facts) {
    const v = answers[fact.id];
    if (fact.type !== 'date' || typeof v !== 'string' || !isValidDate(v)) continue;
    if (fact.notFuture && v > asOf) errors.push({ code: 'future', path: fact.id, params: { value: v } });
    for (const earlier of fact.after ?? []) {
      const e = answers[earlier];
      if (typeof e === 'string' && isValidDate(e) && v < e)
        errors.push({ code: 'dateOrder', path: fact.id, params: { value: v, other: earlier, otherValue: e } });
    }
  }
  return errors;
}

/** Parses an answers file (text or already-parsed JSON). Refuses with every error it finds. */
export function parseAnswers(set: RuleSet, input: unknown, asOf: string): Parsed {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_ANSWERS_BYTES)
      return { ok: false, errors: [{ code: 'tooLarge', path: '', params: { max: MAX_ANSWERS_BYTES } }] };
    try {
      data = JSON.parse(input) as unknown;
    } catch {
      return { ok: false, errors: [{ code: 'notJson', path: '' }] };
    }
  }
  if (!isRecord(data) || !('version' in data) || !isRecord(data.answers))
    return { ok: false, errors: [{ code: 'notObject', path: '' }] };
  const errors: AnswerError[] = [];
  if (data.version !== ANSWERS_VERSION)
    errors.push({ code: 'wrongVersion', path: 'version', params: { expected: ANSWERS_VERSION } });
  for (const key of Object.keys(data))
    if (key !== 'version' && key !== 'answers') errors.push({ code: 'unknownTopField', path: key });

  const byId = new Map(set.facts.map((f) => [f.id, f]));
  // A prototype-free object: keys such as __proto__ are refused below, never assigned.
  const answers = Object.create(null) as Answers;
  // JSON.parse keeps a "__proto__" key as an own property: Object.keys sees it, and it is refused.
  const raw = data.answers;
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    const fact = byId.get(key);
    const path = `answers.${key}`;
    if (!fact) {
      errors.push({ code: 'unknownFact', path });
      continue;
    }
    const err = checkValue(fact, value, path);
    if (err) errors.push(err);
    else answers[key] = value as string | number;
  }
  if (errors.length) return { ok: false, errors };
  const contradictions = checkConsistency(set, answers, asOf).map((e) => ({ ...e, path: `answers.${e.path}` }));
  if (contradictions.length) return { ok: false, errors: contradictions };
  return { ok: true, answers: { ...answers } };
}

export function serializeAnswers(answers: Answers): string {
  const sorted = Object.fromEntries(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ version: ANSWERS_VERSION, answers: sorted }, null, 2);
}
