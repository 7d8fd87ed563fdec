// @vitest-environment node
// The engine is total: over every date an answer or an as-of date may hold (years 1800 to 2200),
// screen(), verdicts() and nextQuestions() return, never throw. `npm test` runs a sample;
// `npm run fuzz` runs at least 100,000 screenings (TEIJU_FUZZ_RUNS) and prints the count and time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextQuestions, parseAnswers, screen, verdicts, type Answers } from '../../src/engine';
import { addDays, addDuration, ageOn, birthday, FIRST_DAY, LAST_DAY } from '../../src/engine/dates';
import { answersArb, dateArb } from '../support/arbitraries';
import { ruleSet } from '../support/rules';

const RUNS = Number(process.env.TEIJU_FUZZ_RUNS ?? 3000);
/** nextQuestions costs 1–2 ms (a screening per candidate question): one sample in this many asks it. */
const NEXT_EVERY = 20;
const SEED = Number(process.env.TEIJU_FUZZ_SEED ?? 20261203);

describe('date arithmetic is total', () => {
  it('saturates at the ends of the calendar instead of throwing', () => {
    expect(addDuration('2199-01-01', 'P10Y')).toBe('2209-01-01');
    expect(addDays('2209-01-01', 1)).toBe('2209-01-02');
    expect(addDuration('2200-12-31', 'P9000Y')).toBe(LAST_DAY);
    expect(addDays('9999-12-31', 1)).toBe(LAST_DAY);
    expect(addDays('0000-01-01', -1)).toBe(FIRST_DAY);
    expect(addDays('1800-01-01', -657438)).toBe(FIRST_DAY);
    expect(ageOn('1800-01-01', '2210-06-30')).toBe(410);
    expect(birthday('2196-02-29', 5)).toBe('2201-03-01');
  });

  it('counts days like the calendar across the whole accepted range', () => {
    fc.assert(
      fc.property(dateArb(), fc.integer({ min: -200_000, max: 200_000 }), (date, days) => {
        const there = addDays(date, days);
        const js = new Date(`${date}T00:00:00Z`);
        js.setUTCDate(js.getUTCDate() + days);
        expect(there).toBe(js.toISOString().slice(0, 10));
        expect(addDays(there, -days)).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the engine is total over the accepted range', () => {
  it('a sentence ending in 2199 and an as-of date near 2200 screen without throwing', () => {
    const answers: Answers = { conduct_any: 'yes', conduct_prison: 'served', conduct_prison_end_date: '2199-01-01' };
    expect(parseAnswers(ruleSet, { version: 1, answers }, '2026-11-23').ok).toBe(true);
    for (const asOf of ['2026-11-23', '2199-06-30', '2200-12-31', '1800-01-01']) {
      expect(screen(ruleSet, answers, asOf).results).toHaveLength(ruleSet.rules.length);
      expect(() => verdicts(ruleSet, answers, asOf)).not.toThrow();
      expect(() => nextQuestions(ruleSet, answers, asOf)).not.toThrow();
    }
  });

  it(`${RUNS} random answer sets and as-of dates: screen(), verdicts() and nextQuestions() never throw`, () => {
    const started = performance.now();
    const count = { screen: 0, verdicts: 0, nextQuestions: 0, accepted: 0, throws: 0 };
    let sample = 0;
    fc.assert(
      fc.property(answersArb(ruleSet), dateArb(), (answers, asOf) => {
        sample++;
        // Every set counts, and separately those the answers-file reader accepts as they are.
        if (parseAnswers(ruleSet, { version: 1, answers }, asOf).ok) count.accepted++;
        try {
          const result = screen(ruleSet, answers, asOf);
          count.screen++;
          const v = verdicts(ruleSet, answers, asOf);
          count.verdicts++;
          for (const r of result.results) expect(v.get(r.id)).toBe(r.verdict);
          if (sample % NEXT_EVERY === 0) {
            nextQuestions(ruleSet, answers, asOf);
            count.nextQuestions++;
          }
        } catch (e) {
          count.throws++;
          throw e;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const seconds = (performance.now() - started) / 1000;
    const screenings = count.screen + count.verdicts + count.nextQuestions;
    if (process.env.TEIJU_FUZZ_RUNS)
      console.log(
        `totality: ${RUNS} answer sets (${count.accepted} accepted by parseAnswers as they are), ` +
          `${screenings} screenings (screen ${count.screen}, verdicts ${count.verdicts}, ` +
          `nextQuestions ${count.nextQuestions}), ${count.throws} throws, ${seconds.toFixed(1)} s`,
      );
    expect(count.throws).toBe(0);
    expect(count.accepted).toBeGreaterThan(RUNS / 10);
  }, 600_000);
});
