// @vitest-environment node
// The 45 personas (tests/personas/): each gives exactly the categories the law gives them.
// Every category not listed as eligible or possible must come out not eligible.
import { describe, expect, it } from 'vitest';
import { nextQuestions, screen } from '../../src/engine';
import { loadPersonas } from '../support/cases';
import { ruleSet } from '../support/rules';

const personas = loadPersonas();

describe('personas', () => {
  it('covers all 45', () => {
    expect(new Set(personas.map((p) => p.persona)).size).toBeGreaterThanOrEqual(45);
  });
  it.each(personas.map((p) => [`${p.persona}. ${p.name}`, p] as const))('%s', (_n, p) => {
    const { results } = screen(ruleSet, p.answers, p.asOf);
    const got = (v: string) =>
      results
        .filter((r) => r.verdict === v)
        .map((r) => r.id)
        .sort();
    const open = nextQuestions(ruleSet, p.answers, p.asOf);
    expect({ eligible: got('eligible'), possible: got('possible') }, `unanswered: ${open.join(', ')}`).toEqual({
      eligible: [...p.eligible].sort(),
      possible: [...p.possible].sort(),
    });
    const expert = results.filter((r) => r.needsExpert).map((r) => r.id);
    for (const id of p.needsExpert) expect(expert, `${id} needs an expert`).toContain(id);
    for (const [id, date] of Object.entries(p.nearMiss))
      expect(results.find((r) => r.id === id)?.nearMiss?.date, `near miss of ${id}`).toBe(date);
  });
});
