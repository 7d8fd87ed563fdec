// @vitest-environment node
// Deadlines (rules/deadlines.yaml): computed from the person's dates and the as-of date; a passed
// application window caps the categories it governs at "possible" with an expert flag naming it.
import { describe, expect, it } from 'vitest';
import { nextQuestions, screen, verdicts, type Answers } from '../../src/engine';
import { loadPersonas } from '../support/cases';
import { ruleSet } from '../support/rules';

const persona = (n: number) => loadPersonas().find((p) => p.persona === n)!;
const ivana = persona(28); // divorced 2026-08-01, Spouse of Japanese National, in Japan
const asOf = ivana.asOf;

describe('deadlines', () => {
  it('are listed soonest first, with kind, fact, citation and the categories they govern', () => {
    const { deadlines } = screen(ruleSet, { ...ivana.answers, period_of_stay_expiry: '2027-01-10' }, asOf);
    expect(deadlines.map((d) => [d.id, d.kind, d.date, d.passed, d.from])).toEqual([
      ['spouse-notification-14-days', 'notify', '2026-08-15', true, 'marriage_end_date'],
      ['period-of-stay-end', 'apply', '2027-01-10', false, 'period_of_stay_expiry'],
      ['spouse-status-6-months', 'apply', '2027-02-01', false, 'separation_date'],
    ]);
    const six = deadlines.find((d) => d.id === 'spouse-status-6-months')!;
    expect(six.cite).toMatchObject({ law: 'immigration-act', clause: '22条の4第1項7号' });
    expect(six.rules).toContain('unspecified-divorce');
    expect(deadlines.find((d) => d.kind === 'notify')!.rules).toEqual([]);
  });

  it('a missed notification caps nothing', () => {
    const r = screen(ruleSet, ivana.answers, asOf).results.find((x) => x.id === 'unspecified-divorce')!;
    expect(r.verdict).toBe('eligible');
    expect(r.deadline).toBeUndefined();
  });

  it('a passed window caps at possible and names itself in the expert flag', () => {
    const answers = { ...ivana.answers, separation_date: '2026-01-31' };
    const { results, deadlines } = screen(ruleSet, answers, asOf);
    const r = results.find((x) => x.id === 'unspecified-divorce')!;
    expect(deadlines.find((d) => d.id === 'spouse-status-6-months')).toMatchObject({
      date: '2026-07-31',
      passed: true,
      from: 'separation_date',
    });
    expect(r.verdict).toBe('possible');
    expect(r.deadline).toBe('spouse-status-6-months');
    expect(r.expertReasons[0]).toEqual({ key: 'deadlines.spouse-status-6-months.title', why: 'deadline' });
    // verdicts() (the wizard's fast path) agrees with screen()
    expect(verdicts(ruleSet, answers, asOf).get('unspecified-divorce')).toBe('possible');
  });

  it('an excused window is shown but caps nothing', () => {
    const grace = persona(29);
    const answers: Answers = { ...grace.answers, separation_date: '2026-03-23' };
    const { results, deadlines } = screen(ruleSet, answers, grace.asOf);
    expect(deadlines.find((d) => d.id === 'spouse-status-6-months')).toMatchObject({ passed: true, excused: true });
    expect(results.find((x) => x.id === 'unspecified-marital-breakdown')?.verdict).toBe('eligible');
  });

  it('references between categories read the verdict before the cap', () => {
    // A widow raising her Japanese child: 日本人実子扶養定住 is checked first (死別定住 excludes it).
    const answers: Answers = {
      ...persona(31).answers,
      current_status: 'spouse_of_japanese',
      spouse_status: 'japanese',
      marriage_end_date: '2026-03-01',
      separation_date: '2026-03-01',
      has_japanese_child: 'yes',
      child_birth_date: '2020-01-01',
      child_unmarried: 'yes',
      child_recognised: 'yes',
      parental_authority: 'yes',
      raising_child_in_japan: 'yes',
    };
    const { results } = screen(ruleSet, answers, asOf);
    const custody = results.find((x) => x.id === 'unspecified-japanese-child-custody')!;
    expect([custody.verdict, custody.deadline]).toEqual(['possible', 'spouse-status-6-months']);
    expect(results.find((x) => x.id === 'unspecified-bereavement')?.verdict).toBe('not_eligible');
  });

  it('the end of the period of stay is asked in Japan when it can cap a verdict, and not abroad', () => {
    expect(nextQuestions(ruleSet, ivana.answers, asOf)).toContain('period_of_stay_expiry');
    const abroad = persona(1);
    expect(nextQuestions(ruleSet, abroad.answers, abroad.asOf)).not.toContain('period_of_stay_expiry');
  });

  it('are none without dates', () => {
    expect(screen(ruleSet, {}, asOf).deadlines).toEqual([]);
  });
});
