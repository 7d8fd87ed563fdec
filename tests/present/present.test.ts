// @vitest-environment node
// The display helpers shared by the CLI and the web UI (src/present), with the real texts.
import { describe, expect, it } from 'vitest';
import { screen, type CategoryResult } from '../../src/engine';
import {
  expertReasonText,
  formatCitation,
  lineText,
  openQuestionsByCategory,
  periodsText,
  routeTexts,
} from '../../src/present';
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

  it("an unconfirmed route shows the rule's note on the route and as the expert reason (8号, change in Japan)", () => {
    const answers = { location: 'in_japan', current_status: 'work', circumstances: 'china', birth_date: '1943-03-15' };
    const answered = { ...answers, china_connection: 'yes', china_left_behind: 'yes' };
    const r = screen(ruleSet, answered, AS_OF).results.find((x) => x.id === 'notified-8-i')!;
    const note = en('rules.notified-8-i.notes.change-unconfirmed');
    expect(routeTexts(r, en, 'en').find((x) => x.route === 'change')).toMatchObject({ mark: '?', note });
    expect(r.expertReasons.map((x) => expertReasonText(x, r, en, 'en'))).toEqual([
      en('engine.expert.uncertain', { line: note }),
    ]);
  });

  it("a route caution from the status held and a rule's own doubt are shown together", () => {
    const answers = { location: 'in_japan', current_status: 'technical_intern', circumstances: 'china' };
    const r = screen(
      ruleSet,
      { ...answers, birth_date: '1943-03-15', china_connection: 'yes', china_left_behind: 'yes' },
      AS_OF,
    ).results.find((x) => x.id === 'notified-8-i')!;
    const change = routeTexts(r, ja, 'ja').find((x) => x.route === 'change')!;
    expect(change.note).toBe(
      `${ja('engine.routeNote.technical-intern')}${ja('rules.notified-8-i.notes.change-unconfirmed')}`,
    );
    expect(r.expertReasons.map((x) => x.key)).toEqual([
      'rules.notified-8-i.notes.change-unconfirmed',
      'engine.routeNote.technical-intern',
    ]);
  });

  it('an age limit reached soon names the day, in each language', () => {
    const answers = {
      location: 'abroad',
      birth_date: '2021-03-01',
      adoption: 'ordinary',
      adoptive_parent_status: 'japanese',
      dependent_on_adoptive_parent: 'yes',
      circumstances: 'adoption',
    };
    const r = screen(ruleSet, answers, AS_OF).results.find((x) => x.id === 'notified-7-i')!;
    expect(r.verdict).toBe('eligible');
    expect(r.expertReasons).toEqual([
      { key: 'rules.notified-7-i.conditions.under-6', why: 'timing', date: '2027-03-01' },
    ]);
    expect(expertReasonText(r.expertReasons[0]!, r, en, 'en')).toMatch(
      /^You reach the age limit of this line on 1 March 2027: You are under 6 years old\. .*1 to 3 months/,
    );
    expect(expertReasonText(r.expertReasons[0]!, r, ja, 'ja')).toMatch(
      /^2027年3月1日にこの要件の年齢に達します：6歳未満である。/,
    );
  });

  it('open questions of a possible category are among the engine’s next questions', () => {
    const answers = { location: 'abroad', parent_born_to_japanese: 'yes' };
    const s = screen(ruleSet, answers, AS_OF);
    const open = openQuestionsByCategory(ruleSet, s, answers);
    expect(open.get('notified-3')).toContain('parent_japanese_at_birth');
    for (const r of s.results) expect(open.has(r.id)).toBe(r.verdict === 'possible');
  });
});
