// The opening questions (src/engine/opening.ts): the compiler works out, for each period from a
// date the rules name, what the engine asks when nothing is answered, so that the first question
// page does not wait for nextQuestions. On any date the compiled list is what the engine itself
// would work out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextQuestions } from '../../src/engine/questions';
import { addDays } from '../../src/engine';
import type { RuleSet } from '../../src/engine/types';
import { ruleSet } from '../support/rules';

const bare: RuleSet = { ...ruleSet, index: { ...ruleSet.index, opening: undefined } };
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('the opening questions', () => {
  const opening = ruleSet.index.opening ?? [];

  it('are compiled, in periods from the earliest date on, each asking something different', () => {
    expect(opening.length).toBeGreaterThan(0);
    expect(opening[0]?.from).toBe('0000-01-01');
    for (const [a, b] of opening.slice(1).map((o, i) => [opening[i]!, o] as const)) {
      expect(a.from < b.from).toBe(true);
      expect(b.next).not.toEqual(a.next);
    }
    // Today's first question is the one the Start button opens.
    expect(nextQuestions(ruleSet, {}, iso(new Date()))[0]).toBe('location');
  });

  it('on every date, are what the engine works out when nothing is answered', () => {
    // Each period's first day, and the days either side of it.
    for (const { from } of opening.slice(1))
      for (const day of [addDays(from, -1), from, addDays(from, 1)])
        expect(nextQuestions(ruleSet, {}, day)).toEqual(nextQuestions(bare, {}, day));
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        expect(nextQuestions(ruleSet, {}, iso(d))).toEqual(nextQuestions(bare, {}, iso(d)));
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('count only answers given: an unanswered key is nothing answered, one answer is not', () => {
    const day = '2026-12-03';
    expect(nextQuestions(ruleSet, { location: undefined }, day)).toEqual(nextQuestions(bare, {}, day));
    expect(nextQuestions(ruleSet, { location: 'abroad' }, day)).toEqual(
      nextQuestions(bare, { location: 'abroad' }, day),
    );
  });

  it('hand back a copy: changing the list a page got does not change the compiled one', () => {
    const first = nextQuestions(ruleSet, {}, '2026-12-03');
    first.push('changed');
    expect(nextQuestions(ruleSet, {}, '2026-12-03')).not.toContain('changed');
  });
});
