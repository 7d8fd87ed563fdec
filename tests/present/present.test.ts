// @vitest-environment node
// The display helpers shared by the CLI and the web UI (src/present), with the real texts.
import { describe, expect, it } from 'vitest';
import { screen, type CategoryResult } from '../../src/engine';
import { formatCitation, lineText, openQuestionsByCategory, periodsText, routeTexts } from '../../src/present';
import { translator } from '../../scripts/screen';
import { compiled, ruleSet } from '../support/rules';

const en = translator(compiled.locales, 'en');
const ja = translator(compiled.locales, 'ja');
const AS_OF = '2026-11-23';

describe('formatCitation', () => {
  const cite = { law: 'kokuji-132', item: 5, sub: 'ro', refs: ['S55', 'S80'] };
  it('names the law, the item and the sub-item (イロハニホ)', () => {
    expect(formatCitation(cite, en)).toBe(
      'Long-Term Resident Notice (定住者告示, MOJ Notice No. 132 of 1990), item 5 ロ (ro)',
    );
    expect(formatCitation(cite, ja)).toBe('定住者告示（平成2年（1990年）法務省告示第132号） 第5号ロ');
  });
  it('adds the sources on request, and works without an item', () => {
    expect(formatCitation(cite, ja, { sources: true, lang: 'ja' })).toBe(
      `${formatCitation(cite, ja)}（${ja('engine.cite.sources', { refs: 'S55、S80' })}）`,
    );
    expect(formatCitation({ law: 'guidance-12', refs: ['S4'] }, en, { sources: true })).toBe(
      'ISA examination guidance, part 12 (入国・在留審査要領 第12編) (Sources: S4)',
    );
  });
});

describe('result texts', () => {
  const result = (answers: Record<string, string>) =>
    screen(ruleSet, answers, AS_OF).results.find((r) => r.id === 'notified-3') as CategoryResult;

  it('an exclusion line names the excluded categories by title', () => {
    const line = result({}).trace.find((l) => l.excludes)!;
    const text = lineText(line, en, 'en');
    expect(text).toContain(en('rules.notified-1-i.title'));
    expect(text).toMatch(/, or .*「前二号又は第八号に該当する者を除く」/);
    expect(lineText(line, ja, 'ja')).toMatch(/、または.*に該当する者ではない/);
  });

  it('periods and routes, with whether each route fits where the person is', () => {
    const r = result({ location: 'in_japan' });
    expect(periodsText(r, en, 'en')).toBe('5 years, 3 years, 1 year, 6 months');
    expect(routeTexts(r, ja, 'ja').map((x) => [x.route, x.mark])).toEqual([
      ['coe', '✗'],
      ['change', '✓'],
    ]);
  });

  it('open questions of a possible category are among the engine’s next questions', () => {
    const answers = { location: 'abroad', parent_born_to_japanese: 'yes' };
    const s = screen(ruleSet, answers, AS_OF);
    const open = openQuestionsByCategory(ruleSet, s, answers);
    expect(open.get('notified-3')).toContain('parent_japanese_at_birth');
    for (const r of s.results) expect(open.has(r.id)).toBe(r.verdict === 'possible');
  });
});
