// @vitest-environment node
// Property-based tests of the engine over random answer sets (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveAnswers, impliedGates, nextQuestions, screen, verdicts, type Answers } from '../../src/engine';
import { loadPersonas, loadRuleCases } from '../support/cases';
import { answersArb as answersArb0, dateArb as dateArb0, valueArb } from '../support/arbitraries';
import { ruleSet } from '../support/rules';

const asOf = '2026-11-23';

const dateArb = dateArb0();
const answersArb = answersArb0(ruleSet);

const factArb = fc.constantFrom(...ruleSet.facts);

describe('engine properties', () => {
  it('never throws and is deterministic', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const a = screen(ruleSet, answers, asOf);
        const b = screen(ruleSet, answers, asOf);
        expect(a.results).toHaveLength(ruleSet.rules.length);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 200 },
    );
  }, 60_000); // dates across 1800–2200 bring more near misses, each a second screening

  it('is monotone: filling in an unknown answer never changes a definite verdict', () => {
    fc.assert(
      fc.property(
        answersArb,
        factArb.chain((f) => fc.tuple(fc.constant(f), valueArb(f))),
        (answers, [fact, value]) => {
          const before = { ...answers };
          delete before[fact.id];
          const after = { ...before, [fact.id]: value };
          // Closing a gate (e.g. no Japanese ancestor) retracts the follow-up answers by design;
          // the wizard never holds both, so only answer sets the gates keep consistent count.
          fc.pre(effectiveAnswers(ruleSet, after) === after);
          const v0 = verdicts(ruleSet, before, asOf);
          const v1 = verdicts(ruleSet, after, asOf);
          // The one exception is not three-valued logic but a date: an answered date can show that
          // an application window has passed, which caps "eligible" at "possible" (rules/deadlines.yaml).
          const capped = new Set(screen(ruleSet, after, asOf).results.flatMap((r) => (r.deadline ? [r.id] : [])));
          for (const [id, v] of v0)
            if (v !== 'possible' && !(v === 'eligible' && capped.has(id)))
              expect(v1.get(id), `${id} after ${fact.id}=${value}`).toBe(v);
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('nextQuestions is empty only when no single answer can change a verdict', () => {
    fc.assert(
      fc.property(answersArb, fc.array(dateArb, { minLength: 3, maxLength: 3 }), (answers, dates) => {
        if (nextQuestions(ruleSet, answers, asOf).length) return;
        const base = verdicts(ruleSet, answers, asOf);
        // A gate whose follow-up is already answered against it is answered in effect (not asked).
        const implied = impliedGates(ruleSet, answers);
        for (const fact of ruleSet.facts) {
          if (answers[fact.id] !== undefined || implied.has(fact.id)) continue;
          const values =
            fact.type === 'yesno'
              ? ['yes', 'no']
              : fact.type === 'choice'
                ? (fact.options ?? [])
                : fact.type === 'date'
                  ? dates
                  : [0, 5, 50];
          for (const value of values) {
            const after = verdicts(ruleSet, { ...answers, [fact.id]: value }, asOf);
            for (const [id, v] of base) expect(after.get(id), `${id} after ${fact.id}=${value}`).toBe(v);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('every question can be asked: some case or persona needs it', () => {
    // Witness search: take each test case's answers, forget one fact, and see whether the
    // wizard would ask for it. Every fact of the catalogue must have such a witness.
    const corpus = [...loadRuleCases(), ...loadPersonas()];
    const never = ruleSet.facts
      .filter((fact) =>
        corpus.every((c) => {
          if (c.answers[fact.id] === undefined) return true;
          const rest = { ...c.answers };
          delete rest[fact.id];
          return !nextQuestions(ruleSet, rest, c.asOf).includes(fact.id);
        }),
      )
      .map((f) => f.id);
    expect(never).toEqual([]);
  });

  it('a wizard walk always ends', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 120, maxLength: 120 }), dateArb, (choices, date) => {
        const answers: Answers = {};
        let steps = 0;
        for (const pick of choices) {
          const next = nextQuestions(ruleSet, answers, asOf)[0];
          if (!next) break;
          steps++;
          const fact = ruleSet.facts.find((f) => f.id === next)!;
          const values: (string | number)[] =
            fact.type === 'yesno'
              ? ['yes', 'no', 'unknown']
              : fact.type === 'choice'
                ? fact.options!
                : fact.type === 'date'
                  ? [date, 'unknown']
                  : [pick % 50];
          answers[next] = values[pick % values.length]!;
        }
        expect(steps).toBeLessThan(ruleSet.facts.length + 1);
        expect(nextQuestions(ruleSet, answers, asOf)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  }, 60_000); // each step asks nextQuestions, a few ms; a shared CI core can be slow
});
