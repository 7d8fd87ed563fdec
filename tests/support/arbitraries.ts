// fast-check generators of answer sets, shared by the property tests and the benchmark.
import fc from 'fast-check';
import type { Answers, Fact, RuleSet } from '../../src/engine';

const isoBetween = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

/** Dates of a life lived now: 1925 to the tests' as-of date (the benchmark's realistic mix). */
export const realisticDateArb = (max = '2026-11-23') => isoBetween('1925-01-01', max);

/** Dates at the ends of the accepted range and the calendar's awkward days. */
const EDGE_DATES = [
  '1800-01-01',
  '1800-02-28',
  '1899-12-31',
  '1900-02-28',
  '1900-03-01',
  '2000-02-29',
  '2022-03-31',
  '2022-04-01',
  '2024-02-29',
  '2100-02-28',
  '2196-02-29',
  '2199-01-01',
  '2199-12-31',
  '2200-02-28',
  '2200-12-31',
];

/**
 * Every date an answer or an as-of date may hold (years 1800 to 2200: isValidDate), with the
 * ends and leap days weighted up, and half of them in a realistic life span.
 */
export const dateArb = () =>
  fc.oneof(
    { arbitrary: isoBetween('1800-01-01', '2200-12-31'), weight: 4 },
    { arbitrary: realisticDateArb(), weight: 4 },
    { arbitrary: fc.constantFrom(...EDGE_DATES), weight: 2 },
  );

/** Any valid answer to a fact, including "I don't know" where it is allowed. */
export function valueArb(fact: Fact, dates: fc.Arbitrary<string> = dateArb()): fc.Arbitrary<string | number> {
  const unknown = fact.dontKnow ? [fc.constant('unknown')] : [];
  switch (fact.type) {
    case 'yesno':
      return fc.oneof(fc.constant('yes'), fc.constant('no'), ...unknown);
    case 'choice':
      return fc.oneof(fc.constantFrom(...(fact.options ?? ['-'])), ...unknown);
    case 'multi':
      return fc.oneof(
        fc.subarray(fact.options ?? []).map((chosen) => (chosen.length ? chosen.join(',') : 'none')),
        ...unknown,
      );
    case 'date':
      return fc.oneof(dates, ...unknown);
  }
}

/** Random answer sets: each fact answered or left open; dates over the whole accepted range unless told. */
export function answersArb(set: RuleSet, dates: fc.Arbitrary<string> = dateArb()): fc.Arbitrary<Answers> {
  return fc.tuple(...set.facts.map((f) => fc.option(valueArb(f, dates), { nil: undefined }))).map((values) => {
    const answers: Answers = {};
    set.facts.forEach((f, i) => {
      if (values[i] !== undefined) answers[f.id] = values[i];
    });
    return answers;
  });
}
