// @vitest-environment node
// Every persona walked through the engine's `next` list, as the wizard and `npm run screen --
// --json` give it: no question is asked whose premise an earlier answer denies, and the walks stay
// short by order and premises, not by dropping a question that can still change a verdict (the
// walk ends with the persona's own verdicts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screen } from '../../src/engine';
import { loadPersonas } from '../support/cases';
import { ruleSet } from '../support/rules';
import { median, personaAnswer, walk } from '../support/walk';

const personas = loadPersonas();
const verdictsOf = (answers: Parameters<typeof screen>[1], asOf: string) =>
  Object.fromEntries(screen(ruleSet, answers, asOf).results.map((r) => [r.id, r.verdict]));

describe('persona walks through next', () => {
  const walks = personas.map((p) => ({
    p,
    w: walk(ruleSet, p.asOf, (f) => personaAnswer(ruleSet, f, p.answers, p.asOf)),
  }));

  it.each(walks.map(({ p, w }) => [`${p.persona}. ${p.name}`, p, w] as const))('%s', (_n, p, w) => {
    expect(w.againstPremise, `asked: ${w.asked.join(' ')}`).toEqual([]);
    expect(w.asked.length, `asked: ${w.asked.join(' ')}`).toBeLessThanOrEqual(18);
    // Nothing that could change a verdict was left out: the walk ends with the persona's verdicts.
    expect(verdictsOf(w.answers, p.asOf)).toEqual(verdictsOf(p.answers, p.asOf));
  });

  it('the median walk is at most 10 questions', () => {
    const lengths = walks.map(({ w }) => w.asked.length);
    expect(median(lengths), lengths.join(' ')).toBeLessThanOrEqual(10);
  });

  it('with "I don\'t know" for random answers, still no question against a premise', () => {
    fc.assert(
      fc.property(fc.constantFrom(...personas), fc.array(fc.boolean(), { minLength: 90, maxLength: 90 }), (p, coin) => {
        let i = 0;
        const w = walk(ruleSet, p.asOf, (f) => {
          const own = personaAnswer(ruleSet, f, p.answers, p.asOf);
          return f.dontKnow && coin[i++ % coin.length] ? 'unknown' : own;
        });
        expect(w.againstPremise, `asked: ${w.asked.join(' ')}`).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
