// @vitest-environment node
// The family-line model (src/present/lineage.ts) over the lineage personas
// (§3, §6) and over partial answers, and the text layout of the drawing.
import { describe, expect, it } from 'vitest';
import type { Answers, Verdict } from '../../src/engine';
import {
  hasLineage,
  layoutTree,
  lineageFacts,
  lineageModel,
  lineRules,
  showsLineageOn,
  textEm,
  TREE,
  wrapText,
  type Generation,
  type LineageModel,
} from '../../src/present/lineage';
import { loadPersonas } from '../support/cases';
import { ruleSet } from '../support/rules';

const AS_OF = '2026-11-23';
const personas = loadPersonas();

/**
 *: the applicant's generation and the categories of the line, by persona. Personas who
 * answered "no" to any Japanese ancestor get no family line at all.
 */
const EXPECTED: Record<number, { generation: Generation; items: [string, Verdict][] }> = {
  1: { generation: 'g2or3', items: [['notified-3', 'eligible']] }, // Carlos: mother born to a Japanese father
  2: { generation: 'g3', items: [['notified-4', 'eligible']] }, // Ana: father born after the naturalisation
  3: { generation: 'g2or3', items: [['notified-3', 'eligible']] }, // Jorge: father born before it
  4: { generation: 'child', items: [['redirect-spouse-child-of-japanese', 'eligible']] }, // Luis
  5: { generation: 'g2or3', items: [['notified-3', 'not_eligible']] }, // Mariana: fine 3 years ago
  6: { generation: 'g2or3', items: [['notified-3', 'eligible']] }, // Pedro: traffic fine only
  7: { generation: 'g2or3', items: [['notified-3', 'not_eligible']] }, // Paulo: Penal Code fine
  8: { generation: 'g2or3', items: [['notified-3', 'eligible']] }, // Renata: suspended sentence over
  9: { generation: 'g4', items: [['notified-6-ha', 'eligible']] }, // Kenji, 16, 3号 father
  10: { generation: 'g4', items: [['redirect-nikkei4-designated-43', 'eligible']] }, // Sofia, 24
  11: { generation: 'g4', items: [['redirect-nikkei4-designated-43', 'not_eligible']] }, // Rafael, 33, N4
  12: { generation: 'g4', items: [['notified-6-ha', 'eligible']] }, // Lucas, 17
  18: { generation: 'none', items: [] }, // Chen: father became Japanese after his birth
  40: { generation: 'child', items: [['redirect-spouse-child-of-japanese', 'eligible']] }, // Li
  41: { generation: 'child', items: [['redirect-spouse-child-of-japanese', 'eligible']] }, // Kim
  44: { generation: 'g3', items: [['notified-4', 'eligible']] }, // Ricardo
  45: { generation: 'g4', items: [['redirect-nikkei4-designated-43', 'not_eligible']] }, // Paula, 12
};

const model = (answers: Answers, current?: string): LineageModel | undefined =>
  lineageModel(ruleSet, answers, AS_OF, undefined, { current });
const roles = (m: LineageModel) => m.persons.map((p) => p.role);
const person = (m: LineageModel, role: string) => m.persons.find((p) => p.role === role)!;

describe('the family-line questions come from the rules (rules/facts.yaml lineage:)', () => {
  it("the gate, each person's link and registration, the birth date and the follow-on categories", () => {
    const l = lineageFacts(ruleSet);
    expect(l.gate).toBe('japanese_ancestry');
    expect(l.link).toEqual({
      1: 'parent_japanese_at_birth',
      2: 'parent_born_to_japanese',
      3: 'grandparent_born_to_japanese',
    });
    expect(l.registered).toEqual({ 2: 'grandparent_had_koseki', 3: 'great_grandparent_born_japanese_with_koseki' });
    expect(l.born).toBe('birth_date');
    expect(l.all).toHaveLength(6);
    expect(l.followOns.sort()).toEqual(['notified-6-ha', 'unspecified-nikkei4-after-43']);
  });
});

describe('the lineage personas', () => {
  const touching = personas.filter((p) => lineageFacts(ruleSet).all.some((f) => p.answers[f] !== undefined));
  it('every persona answers a lineage question; the table covers every one with a Japanese ancestor', () => {
    expect(touching.length).toBe(personas.length);
    const withLine = personas.filter((p) => p.answers.japanese_ancestry !== 'no').map((p) => p.persona);
    expect(withLine.sort((a, b) => a - b)).toEqual(Object.keys(EXPECTED).map(Number));
  });

  it.each(personas.map((p) => [`${p.persona}. ${p.name}`, p] as const))('%s', (_n, p) => {
    const m = lineageModel(ruleSet, p.answers, p.asOf);
    const want = EXPECTED[p.persona];
    if (!want) {
      expect(p.answers.japanese_ancestry).toBe('no');
      expect(m).toBeUndefined();
      return;
    }
    expect(m).toBeDefined();
    expect(m!.generation).toBe(want.generation);
    expect(m!.items.map((i) => [i.ruleId, i.verdict])).toEqual(want.items);
    // The drawing never claims more than the engine: a likely eligible category of the line is one the persona file expects.
    for (const i of m!.items.filter((x) => x.verdict === 'eligible')) expect(p.eligible).toContain(i.ruleId);
    expect(m!.outcome).toBe(want.items[0]?.[1] ?? 'none');
  });

  it('Ana (4号): the grandparent is the 1世, registered in Japan; the father was born after the loss of nationality', () => {
    const ana = personas.find((p) => p.persona === 2)!;
    const m = lineageModel(ruleSet, ana.answers, ana.asOf)!;
    expect(roles(m)).toEqual(['you', 'parent', 'grandparent', 'greatGrandparent']);
    expect(m.persons.map((p) => p.generation)).toEqual([3, 2, 1, undefined]);
    const g = person(m, 'grandparent');
    expect(g.ancestor).toBe(true);
    expect(g.registered?.said).toBe('yes');
    expect(g.atChildBirth).toMatchObject({ said: 'no', bornAfterLoss: true });
    expect(person(m, 'greatGrandparent').atChildBirth?.said).toBe('yes');
    expect(person(m, 'you').birthDate).toBe(ana.answers.birth_date);
    expect(m.items[0]).toMatchObject({ ruleId: 'notified-4', line: 'met' });
  });

  it('Jorge (3号): the father was born while the grandfather was still Japanese — not "after the loss"', () => {
    const jorge = personas.find((p) => p.persona === 3)!;
    const m = lineageModel(ruleSet, jorge.answers, jorge.asOf)!;
    expect(person(m, 'grandparent').atChildBirth).toMatchObject({ said: 'yes', bornAfterLoss: false });
    expect(person(m, 'grandparent').ancestor).toBe(true);
    // 2世 or 3世 depends on who emigrated, which the answers do not tell: no generation numbers.
    expect(m.persons.every((p) => p.generation === undefined)).toBe(true);
  });

  it('Sofia (特定活動43号): four generations, the great-grandparent is the 1世', () => {
    const sofia = personas.find((p) => p.persona === 10)!;
    const m = lineageModel(ruleSet, sofia.answers, sofia.asOf)!;
    expect(m.persons.map((p) => [p.role, p.generation, p.ancestor])).toEqual([
      ['you', 4, false],
      ['parent', 3, false],
      ['grandparent', 2, false],
      ['greatGrandparent', 1, true],
    ]);
    expect(person(m, 'grandparent').registered?.said).toBe('no');
    expect(m.items[0]).toMatchObject({ redirectTo: 'designated_activities_43', line: 'met' });
  });

  it('Luis: the father was Japanese at his birth — the parent is the Japanese national of the line', () => {
    const luis = personas.find((p) => p.persona === 4)!;
    const m = lineageModel(ruleSet, luis.answers, luis.asOf)!;
    expect(person(m, 'parent')).toMatchObject({ ancestor: true, atChildBirth: { said: 'yes' } });
    expect(m.items[0]).toMatchObject({ redirectTo: 'spouse_or_child_of_japanese' });
  });

  it('Paula (43号, 12 years old): the line fits but she is too young; the engine gives the date', () => {
    const paula = personas.find((p) => p.persona === 45)!;
    const m = lineageModel(ruleSet, paula.answers, paula.asOf)!;
    expect(m.items[0]).toMatchObject({ line: 'met', verdict: 'not_eligible', nearMiss: { date: '2032-03-03' } });
  });

  it('Paulo: the expert flag of the engine is carried over', () => {
    const paulo = personas.find((p) => p.persona === 7)!;
    expect(lineageModel(ruleSet, paulo.answers, paulo.asOf)!.items[0]!.needsExpert).toBe(true);
  });
});

describe('partial answers', () => {
  it('no Japanese ancestor (the gate says no): nothing to draw, whatever was answered before', () => {
    expect(model({ japanese_ancestry: 'no' })).toBeUndefined();
    expect(model({ japanese_ancestry: 'no', parent_japanese_at_birth: 'yes' })).toBeUndefined();
    expect(hasLineage(ruleSet, { japanese_ancestry: 'no', parent_born_to_japanese: 'yes' }, '2026-11-23')).toBe(false);
    expect(model({})).toBeUndefined();
  });

  it('only the gate answered: you and a parent, the link not answered yet, every category of the line open', () => {
    const m = model({ japanese_ancestry: 'yes' }, 'parent_japanese_at_birth')!;
    expect(roles(m)).toEqual(['you', 'parent']);
    expect(person(m, 'parent').atChildBirth).toMatchObject({ said: 'unanswered', current: true });
    expect(m.generation).toBe('unknown');
    expect(m.outcome).toBe('possible');
    expect(m.items.every((i) => i.verdict === 'possible')).toBe(true);
    expect(m.items.map((i) => i.ruleId).sort()).toEqual(
      ['notified-3', 'notified-4', 'redirect-nikkei4-designated-43', 'redirect-spouse-child-of-japanese'].sort(),
    );
  });

  it('"I don\'t know" to the gate still draws the line', () => {
    expect(model({ japanese_ancestry: 'unknown' })?.generation).toBe('unknown');
  });

  it('a parent born to a Japanese national: 2世・3世, 3号 open until good conduct is answered', () => {
    const m = model({ japanese_ancestry: 'yes', parent_japanese_at_birth: 'no', parent_born_to_japanese: 'yes' })!;
    expect(m.generation).toBe('g2or3');
    expect(roles(m)).toEqual(['you', 'parent', 'grandparent']);
    expect(m.items[0]).toMatchObject({ ruleId: 'notified-3', verdict: 'possible', line: 'met' });
    expect(m.items.map((i) => i.ruleId)).not.toContain('redirect-spouse-child-of-japanese');
  });

  it('"I don\'t know" whether the parent was Japanese at the birth: generation unknown, both outcomes open', () => {
    const m = model({ japanese_ancestry: 'yes', parent_japanese_at_birth: 'unknown', parent_born_to_japanese: 'yes' })!;
    expect(m.generation).toBe('unknown');
    expect(person(m, 'parent').atChildBirth?.said).toBe('unknown');
    const byId = new Map(m.items.map((i) => [i.ruleId, i]));
    expect(byId.get('redirect-spouse-child-of-japanese')).toMatchObject({ verdict: 'possible', line: 'unknown' });
    expect(byId.get('notified-3')).toMatchObject({ verdict: 'possible', line: 'unknown' });
  });

  it('married to a Japanese national: 日本人の配偶者等 by marriage is not put down to the family line', () => {
    const answers = {
      japanese_ancestry: 'yes',
      parent_japanese_at_birth: 'unknown',
      marital_status: 'married',
      spouse_status: 'japanese',
      marriage_broken_down: 'no',
    };
    const m = model(answers)!;
    expect(m.items.map((i) => i.ruleId)).not.toContain('redirect-spouse-child-of-japanese');
  });

  it('the question on screen extends the line to the person it asks about and marks it', () => {
    const m = model(
      {
        japanese_ancestry: 'yes',
        parent_japanese_at_birth: 'no',
        parent_born_to_japanese: 'no',
        grandparent_born_to_japanese: 'yes',
      },
      'grandparent_had_koseki',
    )!;
    expect(roles(m)).toEqual(['you', 'parent', 'grandparent', 'greatGrandparent']);
    expect(person(m, 'grandparent').registered).toEqual({
      said: 'unanswered',
      fact: 'grandparent_had_koseki',
      current: true,
    });
    expect(m.generation).toBe('unknown'); // 3世 (4号) or 4世 (43号 イ) depends on this answer
    const two = model({ japanese_ancestry: 'yes', parent_japanese_at_birth: 'no' }, 'parent_born_to_japanese')!;
    expect(roles(two)).toEqual(['you', 'parent', 'grandparent']);
    expect(person(two, 'grandparent').atChildBirth).toMatchObject({ said: 'unanswered', current: true });
    // An unanswered registration is left out unless it is the question on screen.
    expect(person(two, 'grandparent').registered).toBeUndefined();
  });

  it('43号 ロ: a great-grandparent born Japanese with a 本籍, the grandparent born after the loss', () => {
    const m = model({
      japanese_ancestry: 'yes',
      parent_japanese_at_birth: 'no',
      parent_born_to_japanese: 'no',
      grandparent_born_to_japanese: 'no',
      great_grandparent_born_japanese_with_koseki: 'yes',
    })!;
    expect(m.generation).toBe('g4');
    const gg = person(m, 'greatGrandparent');
    expect(gg).toMatchObject({ generation: 1, ancestor: true, registered: { said: 'yes' } });
    expect(gg.atChildBirth).toMatchObject({ said: 'no', bornAfterLoss: true });
  });

  it('all links "no": no generation and no category of the line', () => {
    const m = model({
      japanese_ancestry: 'yes',
      parent_japanese_at_birth: 'no',
      parent_born_to_japanese: 'no',
      grandparent_born_to_japanese: 'no',
      great_grandparent_born_japanese_with_koseki: 'no',
    })!;
    expect(m.generation).toBe('none');
    expect(m.outcome).toBe('none');
    expect(m.persons.filter((p) => p.ancestor)).toEqual([]);
  });

  it('shows "your line so far" on lineage questions only', () => {
    const a = { japanese_ancestry: 'yes', parent_japanese_at_birth: 'no' };
    expect(showsLineageOn(ruleSet, a, 'parent_born_to_japanese', '2026-11-23')).toBe(true);
    expect(showsLineageOn(ruleSet, a, 'japanese_ancestry', '2026-11-23')).toBe(true);
    expect(showsLineageOn(ruleSet, a, 'birth_date', '2026-11-23')).toBe(false);
    expect(showsLineageOn(ruleSet, { japanese_ancestry: 'no' }, 'japanese_ancestry', '2026-11-23')).toBe(false);
  });

  it('the categories that need the family line are found through the engine, not listed by hand', () => {
    expect([...lineRules(ruleSet, AS_OF)].sort()).toEqual(
      ['notified-3', 'notified-4', 'redirect-nikkei4-designated-43', 'redirect-spouse-child-of-japanese'].sort(),
    );
  });
});

describe('text layout of the drawing', () => {
  it('wraps English at spaces and Japanese between characters, within the width', () => {
    const en = wrapText('Not a Japanese national at this birth, born after the loss of nationality', 14);
    expect(en.length).toBeGreaterThan(1);
    for (const l of en) expect(textEm(l)).toBeLessThanOrEqual(14);
    expect(en.join(' ')).toBe('Not a Japanese national at this birth, born after the loss of nationality');
    const ja = wrapText('日本人の子として出生し、日本に本籍あり', 8);
    expect(ja).toEqual(['日本人の子として', '出生し、', '日本に本籍あり']);
    // After punctuation rather than inside a phrase; never a closing mark at the start of a line.
    expect(wrapText('✓ 特定活動 告示43号：該当する可能性が高い', 20)).toEqual([
      '✓ 特定活動 告示43号：',
      '該当する可能性が高い',
    ]);
    expect(wrapText('あいうえおかきくけ、こ', 9)).toEqual(['あいうえおかきく', 'け、こ']);
    // A long phrase after a short one fills the line first.
    expect(wrapText('? 日本人として出生し本籍を持っていた方ではない', 12)).toEqual([
      '? 日本人として出生し本',
      '籍を持っていた方ではない',
    ]);
    expect(wrapText('Supercalifragilistic', 5).every((l) => textEm(l) <= 5)).toBe(true);
    expect(wrapText('', 5)).toEqual([]);
  });

  it('places boxes top to bottom with the links between them, every text inside the drawing', () => {
    const long = 'Long-Term Resident (定住者) after 5 years of 特定活動43号: not eligible now (your line fits)';
    const layout = layoutTree(
      [
        { variant: 'ancestor', lines: [{ text: 'Your great-grandparent (曾祖父母)', kind: 'title' }] },
        { variant: 'plain', lines: [{ text: '祖父母', kind: 'title' }] },
        {
          variant: 'you',
          lines: [
            { text: 'You (あなた)', kind: 'title' },
            { text: long, kind: 'item' },
          ],
        },
      ],
      [
        { said: 'yes', current: false, lines: ['✓ Japanese national at this birth'] },
        {
          said: 'no',
          current: true,
          lines: ['✗ Not a Japanese national at this birth', 'Born after the loss', '◀ here'],
        },
      ],
    );
    expect(layout.boxes).toHaveLength(3);
    expect(layout.links).toHaveLength(2);
    layout.links.forEach((l, i) => {
      expect(l.y1).toBe(layout.boxes[i]!.y + layout.boxes[i]!.h);
      expect(l.y2).toBe(layout.boxes[i + 1]!.y);
      for (const tx of l.texts) expect(tx.y).toBeLessThan(l.y2);
    });
    const texts = [...layout.boxes.flatMap((b) => b.texts), ...layout.links.flatMap((l) => l.texts)];
    for (const tx of texts) {
      const size = tx.kind === 'link' ? TREE.font.link : TREE.font[tx.kind];
      expect(tx.x + textEm(tx.text) * size).toBeLessThanOrEqual(TREE.width - TREE.margin);
      expect(tx.y).toBeLessThan(layout.height);
    }
    expect(layout.boxes[2]!.texts.length).toBeGreaterThan(2); // the long item wrapped
  });
});
