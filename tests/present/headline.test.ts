// @vitest-environment node
// The headline of the results (src/present/headline.ts): one plain sentence and one official
// link per route that fits; a passed application window names itself and points to a scrivener.
import { describe, expect, it } from 'vitest';
import { screen } from '../../src/engine';
import type { Deadline, Screening } from '../../src/engine/types';
import { headline, spanBetween, spanText, windowSpan } from '../../src/present';
import { translator } from '../../scripts/screen';
import { loadPersonas } from '../support/cases';
import { compiled, ruleSet } from '../support/rules';

const personas = loadPersonas();
const persona = (n: number) => personas.find((p) => p.persona === n)!;
const en = translator(compiled.locales, 'en');
const ja = translator(compiled.locales, 'ja');

describe('time spans', () => {
  it('counts whole years, months and days', () => {
    expect(spanBetween('2024-03-23', '2026-11-23')).toEqual({ years: 2, months: 8, days: 0 });
    expect(spanBetween('2024-03-23', '2026-11-30')).toEqual({ years: 2, months: 8, days: 7 });
    expect(spanText(spanBetween('2024-03-23', '2026-11-23'), en, 'en')).toBe('2 years 8 months');
    expect(spanText(spanBetween('2024-03-23', '2026-11-23'), ja, 'ja')).toBe('2年8か月');
    expect(spanText(spanBetween('2026-11-01', '2026-11-02'), en, 'en')).toBe('1 day');
  });
  it('reads a window that ends the day before the anniversary as whole months', () => {
    expect(windowSpan('2024-03-23', '2024-09-22')).toEqual({ years: 0, months: 6, days: 0 });
    expect(windowSpan('2024-03-23', '2024-09-23')).toEqual({ years: 0, months: 6, days: 0 });
  });
});

describe('headline', () => {
  it('Nikkei grandson abroad: 告示3号, the Certificate of Eligibility, and its official page', () => {
    const p = persona(1);
    const s = screen(ruleSet, p.answers, p.asOf);
    for (const [t, lang] of [
      [en, 'en'],
      [ja, 'ja'],
    ] as const) {
      const h = headline(ruleSet, s, p.answers, compiled.links, t, lang);
      const first = h.items[0]!;
      expect(first).toMatchObject({ ruleId: 'notified-3', tone: 'fits' });
      expect(first.sentences.join(' ')).toContain('告示3号');
      expect(first.sentences.join(' ')).toContain(lang === 'en' ? 'Certificate of Eligibility' : '在留資格認定証明書');
      expect(first.action?.id).toBe('isa-coe');
    }
  });

  it('DV victim still married, the marriage broken down: Long-Term Resident case by case, and no spouse status', () => {
    const p = persona(29);
    const h = headline(ruleSet, screen(ruleSet, p.answers, p.asOf), p.answers, compiled.links, en, 'en');
    // A broken marriage no longer points to 日本人の配偶者等 (issue 9), so it is the only route.
    expect(h.items.map((i) => i.ruleId)).toEqual(['unspecified-marital-breakdown']);
    expect(h.items[0]!.sentences.join(' ')).toContain('case by case');
    expect(h.items[0]!.action?.id).toBe('isa-change');
  });

  it("a passed window (the engine's deadlines): how long ago, the window, and a scrivener to talk to", () => {
    const p = persona(28); // divorced; here 2 years 8 months before the screening date
    // Married life ended with the divorce (the 6 months count from the separation: issue 9).
    const answers = { ...p.answers, marriage_end_date: '2024-03-23', separation_date: '2024-03-23' };
    const s = screen(ruleSet, answers, '2026-11-23');
    const divorce = s.results.find((r) => r.id === 'unspecified-divorce')!;
    expect(divorce.verdict).not.toBe('eligible');
    expect(divorce.deadline).toBeDefined();
    const late = headline(ruleSet, s, answers, compiled.links, en, 'en').items.find(
      (i) => i.ruleId === 'unspecified-divorce',
    )!;
    expect(late.tone).toBe('late');
    const text = late.sentences.join(' ');
    // The window counts from the separation (here the divorce date).
    expect(text).toContain('You stopped living together 2 years 8 months ago (23 March 2024).');
    expect(text).toContain('6 months');
    expect(text).toContain('23 September 2024');
    expect(late.action?.id).toBe('scrivener-search');
    const lateJa = headline(ruleSet, s, answers, compiled.links, ja, 'ja').items.find(
      (i) => i.ruleId === 'unspecified-divorce',
    )!;
    expect(lateJa.sentences.join('')).toContain('別居してから2年8か月たっています（2024年3月23日）。');
    // The duty to notify the divorce within 14 days, also passed, is said once.
    expect(headline(ruleSet, s, answers, compiled.links, en, 'en').notices).toHaveLength(1);
  });

  it('a passed window with no text of its own: the plain sentence with the window and its end', () => {
    const p = persona(28);
    const answers = { ...p.answers, marriage_end_date: '2024-03-23' };
    const base = screen(ruleSet, answers, '2026-11-23');
    const deadline: Deadline = {
      id: 'a-window-without-texts',
      kind: 'apply',
      date: '2024-09-23',
      passed: true,
      from: 'marriage_end_date',
      cite: { law: 'immigration-act', refs: ['S30'] },
      rules: ['unspecified-divorce'],
    };
    const s: Screening = {
      ...base,
      deadlines: [deadline],
      results: base.results.map((r) => (r.id === 'unspecified-divorce' ? { ...r, deadline: deadline.id } : r)),
    };
    const late = headline(ruleSet, s, answers, compiled.links, en, 'en').items.find(
      (i) => i.ruleId === 'unspecified-divorce',
    )!;
    expect(late.sentences.join(' ')).toContain(
      'It is 2 years 8 months since the date the marriage ended (23 March 2024): the window to apply, 6 months from that date, ended on 23 September 2024.',
    );
  });

  it('nothing fits: says so and gives free advice to call', () => {
    const s = screen(ruleSet, persona(38).answers, persona(38).asOf);
    const h = headline(
      ruleSet,
      {
        ...s,
        results: s.results.map((r) => ({
          ...r,
          verdict: 'not_eligible' as const,
          nearMiss: undefined,
        })),
      },
      {},
      compiled.links,
      en,
      'en',
    );
    expect(h.items).toHaveLength(1);
    expect(h.items[0]).toMatchObject({ tone: 'none' });
    expect(h.items[0]!.action?.id).toBe('fresc');
    expect(h.items[0]!.action?.tel).toBe('0120-76-2029');
  });
});
