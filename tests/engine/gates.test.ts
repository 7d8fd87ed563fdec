// @vitest-environment node
// Follow-up questions behind a gate (rules/facts.yaml `gate:`): with no Japanese ancestor at all,
// the five lineage questions are not asked and count as "no".
import { describe, expect, it } from 'vitest';
import { effectiveAnswers, nextQuestions, screen } from '../../src/engine';
import { ruleSet } from '../support/rules';

const asOf = '2026-11-23';
const LINEAGE = [
  'parent_japanese_at_birth',
  'parent_born_to_japanese',
  'grandparent_born_to_japanese',
  'grandparent_had_koseki',
  'great_grandparent_born_japanese_with_koseki',
];
const verdictOf = (answers: Record<string, string>, id: string) =>
  screen(ruleSet, answers, asOf).results.find((r) => r.id === id)!.verdict;

describe('the Japanese-ancestry gate', () => {
  it('every lineage fact is gated by japanese_ancestry', () => {
    for (const id of LINEAGE)
      expect(ruleSet.facts.find((f) => f.id === id)?.gate).toEqual({ fact: 'japanese_ancestry', is: 'no', then: 'no' });
  });
  it('is asked before the lineage questions, which it makes unnecessary when answered no', () => {
    const open = nextQuestions(ruleSet, { location: 'abroad' }, asOf);
    expect(open.indexOf('japanese_ancestry')).toBeLessThan(open.indexOf('parent_japanese_at_birth'));
    const after = nextQuestions(ruleSet, { location: 'abroad', japanese_ancestry: 'no' }, asOf);
    for (const id of LINEAGE) expect(after).not.toContain(id);
  });
  it('"no" decides the Nikkei categories and the child-of-a-Japanese redirect', () => {
    const answers = { japanese_ancestry: 'no', marital_status: 'never_married', adoption: 'none' };
    expect(verdictOf(answers, 'notified-3')).toBe('not_eligible');
    expect(verdictOf(answers, 'notified-4')).toBe('not_eligible');
    expect(verdictOf(answers, 'redirect-spouse-child-of-japanese')).toBe('not_eligible');
  });
  it('"yes" and "I don\'t know" keep the lineage questions', () => {
    for (const g of ['yes', 'unknown'])
      expect(nextQuestions(ruleSet, { location: 'abroad', japanese_ancestry: g }, asOf)).toContain(
        'parent_born_to_japanese',
      );
  });
  it('a closed gate overrides an earlier lineage answer, so the verdicts stay consistent', () => {
    const eff = effectiveAnswers(ruleSet, { japanese_ancestry: 'no', parent_born_to_japanese: 'yes' });
    expect(eff.parent_born_to_japanese).toBe('no');
  });
});
