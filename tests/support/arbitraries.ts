// fast-check generators of answer sets, shared by the property tests and the benchmark.
import fc from 'fast-check';
import type { Answers, Fact, RuleSet } from '../../src/engine';

export const dateArb = (max = '2026-11-23') =>
  fc
    .date({ min: new Date('1925-01-01T00:00:00Z'), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

/** Any valid answer to a fact, including "I don't know" where it is allowed. */
export function valueArb(fact: Fact): fc.Arbitrary<string | number> {
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
      return fc.oneof(dateArb(), ...unknown);
    case 'number':
      return fc.oneof(fc.integer({ min: fact.min ?? 0, max: fact.max ?? 1000 }), ...unknown);
  }
}

/** Random answer sets: each fact answered or left open. */
export function answersArb(set: RuleSet): fc.Arbitrary<Answers> {
  return fc.tuple(...set.facts.map((f) => fc.option(valueArb(f), { nil: undefined }))).map((values) => {
    const answers: Answers = {};
    set.facts.forEach((f, i) => {
      if (values[i] !== undefined) answers[f.id] = values[i];
    });
    return answers;
  });
}
