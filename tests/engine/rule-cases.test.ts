// @vitest-environment node
// Runs every rules/*/<id>.cases.yaml: the answers of each case must give the expected verdict.
import { describe, expect, it } from 'vitest';
import { nextQuestions, screen } from '../../src/engine';
import { loadRuleCases } from '../support/cases';
import { ruleSet } from '../support/rules';

const cases = loadRuleCases();
const files = [...new Set(cases.map((c) => c.file))];

describe.each(files)('%s', (file) => {
  it.each(cases.filter((c) => c.file === file).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { results, deadlines } = screen(ruleSet, c.answers, c.asOf);
    const result = results.find((r) => r.id === c.rule);
    expect(result, `rule ${c.rule} exists`).toBeDefined();
    const hint =
      result!.verdict === 'possible'
        ? ` — still unanswered: ${nextQuestions(ruleSet, c.answers, c.asOf).join(', ')}`
        : '';
    expect(result!.verdict, `verdict of ${c.rule}${hint}`).toBe(c.expect);
    if (c.needsExpert !== undefined) expect(result!.needsExpert, 'needs expert').toBe(c.needsExpert);
    if (c.expertReasons !== undefined)
      expect(
        result!.expertReasons.map((r) => r.why),
        'kinds of expert reasons',
      ).toEqual(c.expertReasons);
    if (c.nearMiss !== undefined) expect(result!.nearMiss?.date, 'near-miss date').toBe(c.nearMiss);
    if (c.deadline !== undefined) expect(result!.deadline ?? null, 'capping deadline').toBe(c.deadline);
    for (const [id, date] of Object.entries(c.deadlines ?? {}))
      expect(deadlines.find((d) => d.id === id)?.date ?? null, `deadline ${id}`).toBe(date);
    for (const [route, fits] of Object.entries(c.routes ?? {}))
      expect(result!.routes.find((r) => r.route === route)?.fits, `route ${route}`).toBe(fits);
    for (const [route, note] of Object.entries(c.routeNotes ?? {}))
      expect(result!.routes.find((r) => r.route === route)?.note ?? null, `note on route ${route}`).toBe(note);
    for (const [other, verdict] of Object.entries(c.also ?? {}))
      if (process.env.TEIJU_PARTIAL !== '1' || results.some((x) => x.id === other))
        expect(results.find((x) => x.id === other)?.verdict, `verdict of ${other}`).toBe(verdict);
  });
});

it('every category has cases that make it both match and not match', () => {
  const missing: string[] = [];
  for (const rule of ruleSet.rules) {
    const mine = cases.filter((c) => c.rule === rule.id);
    if (!mine.some((c) => c.expect === 'not_eligible')) missing.push(`${rule.id}: no negative case`);
    if (!rule.deleted && !mine.some((c) => c.expect !== 'not_eligible')) missing.push(`${rule.id}: no positive case`);
  }
  expect(missing).toEqual([]);
});
