// The family-tree drawing (components/FamilyTree.tsx) in the wizard: its text alternative for two
// lineage personas in both languages, the accessible drawing, and nothing when there is no line.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/types';
import { loadPersonas } from '../support/cases';
import { preloadFamilyTree } from '../../src/app/components/FamilyTree';
import { en, ja, renderApp, text } from './helpers';

// The drawing is its own chunk, loaded once a family line shows; here it is loaded up front.
await preloadFamilyTree();

const personas = loadPersonas();
const persona = (n: number): Answers => personas.find((p) => p.persona === n)!.answers;
const ANA = persona(2); // 告示4号: grandfather naturalised before her father was born
const SOFIA = persona(10); // 特定活動43号: 日系四世, 24
const MAI = persona(26); // no Japanese ancestor

const tree = () => document.querySelector<HTMLElement>('section.family-tree');
const words = () => [...tree()!.querySelectorAll('.family-tree__words ol > li')].map((li) => li.textContent);
/** The drawing's texts, its wrapped lines joined by spaces. */
const drawn = (svg: Element) => [...svg.querySelectorAll('text')].map((t) => t.textContent).join(' ');
const items = () => [...tree()!.querySelectorAll('.family-tree__words ul > li')].map((li) => li.textContent);

describe('family tree on the results page', () => {
  it('Ana (en): the drawing is an image named by its title; the words describe each generation', () => {
    renderApp({ path: '/results', answers: ANA });
    const section = screen.getByRole('region', { name: 'Your Japanese family line' });
    const img = within(section).getByRole('img', {
      name: 'Drawing of your family line (Nikkei 3rd generation (日系3世)). The same in words follows.',
    });
    expect(img.tagName.toLowerCase()).toBe('svg');
    expect(img.getAttribute('viewBox')).toMatch(/^0 0 320 \d+$/);
    expect(img.hasAttribute('style')).toBe(false);
    expect(section.querySelector('[style]')).toBeNull();
    expect(words()).toEqual([
      'Your great-grandparent (曾祖父母): Was a Japanese national when your grandparent was born.',
      'Your grandparent (祖父母) — 1st generation (1世), the Japanese ancestor: Was not a Japanese national when your parent was born. ' +
        'So your parent was born after this person lost Japanese nationality (for example by naturalising in another country). ' +
        'Once had a registered domicile (本籍) in Japan as a Japanese national.',
      'Your parent (親) — 2nd generation (2世): Was not a Japanese national when you were born.',
      'You (あなた): Born 20 December 1995. Generation: Nikkei 3rd generation (日系3世). ' +
        text(en, 'ui.tree.explain.g3'),
    ]);
    expect(items()).toEqual([`${text(en, 'rules.notified-4.title')} — Likely eligible`]);
    // The drawing says the same: the generations, the links and the category.
    const svgText = drawn(img);
    for (const s of [
      'Your great-grandparent (曾祖父母)',
      '1st generation (1世), the Japanese ancestor',
      '✓ Once had a 本籍 (registered domicile) in Japan',
      '✗ Not a Japanese national at this birth',
      'Born after the loss of Japanese nationality',
      'Nikkei 3rd generation (日系3世)',
      '告示4号',
      'likely eligible',
    ])
      expect(svgText).toContain(s);
    // Line styles carry the meaning in black and white: solid for yes, dashed for no.
    const links = [...img.querySelectorAll('g.family-tree__link')];
    expect(links.map((g) => g.getAttribute('data-said'))).toEqual(['yes', 'no', 'no']);
    expect(links[0]!.querySelector('line')!.hasAttribute('stroke-dasharray')).toBe(false);
    expect(links[1]!.querySelector('line')!.getAttribute('stroke-dasharray')).toBe('8 5');
    expect(tree()).toHaveAttribute('data-generation', 'g3');
  });

  it('Ana (ja): the same in Japanese', () => {
    renderApp({ path: '/results', answers: ANA, lang: 'ja' });
    const section = screen.getByRole('region', { name: 'あなたの日系の家系' });
    within(section).getByRole('img', { name: 'あなたの家系の図（日系3世）。同じ内容を続けて文章で示します。' });
    expect(words()).toEqual([
      '曾祖父母：あなたの祖父母が生まれたとき、日本国籍を持っていました。',
      '祖父母（1世（日本人の祖先））：あなたの親が生まれたとき、日本国籍を持っていませんでした。 ' +
        'つまり、あなたの親はこの方が日本国籍を失った後（外国への帰化など）に生まれています。 ' +
        'かつて日本国民として日本に本籍を持っていました。',
      '親（父または母）（2世）：あなたが生まれたとき、日本国籍を持っていませんでした。',
      `あなた：1995年12月20日生まれ。 世代：日系3世。 ${text(ja, 'ui.tree.explain.g3')}`,
    ]);
    expect(items()).toEqual([`${text(ja, 'rules.notified-4.title')}：該当する可能性が高い`]);
    expect(drawn(tree()!.querySelector('svg')!)).toContain('定住者 告示4号');
  });

  it('Sofia (en and ja): 4th generation, the great-grandparent is the 1世, 特定活動43号', () => {
    const { unmount } = renderApp({ path: '/results', answers: SOFIA });
    expect(words()).toEqual([
      'Your great-grandparent (曾祖父母) — 1st generation (1世), the Japanese ancestor: Was a Japanese national when your grandparent was born.',
      'Your grandparent (祖父母) — 2nd generation (2世): Was not a Japanese national when your parent was born. ' +
        'Never had a registered domicile (本籍) in Japan as a Japanese national.',
      'Your parent (親) — 3rd generation (3世): Was not a Japanese national when you were born.',
      'You (あなた): Born 3 March 2002. Generation: Nikkei 4th generation (日系四世). ' +
        text(en, 'ui.tree.explain.g4'),
    ]);
    expect(items()).toEqual([`${text(en, 'rules.redirect-nikkei4-designated-43.title')} — Likely eligible`]);
    expect(drawn(screen.getByRole('img', { name: /Nikkei 4th generation \(日系四世\)/ }))).toContain(
      '特定活動 告示43号 (Designated Activities): likely eligible',
    );
    unmount();

    renderApp({ path: '/results', answers: SOFIA, lang: 'ja' });
    expect(words()).toEqual([
      '曾祖父母（1世（日本人の祖先））：あなたの祖父母が生まれたとき、日本国籍を持っていました。',
      '祖父母（2世）：あなたの親が生まれたとき、日本国籍を持っていませんでした。 日本国民として日本に本籍を持ったことはありません。',
      '親（父または母）（3世）：あなたが生まれたとき、日本国籍を持っていませんでした。',
      `あなた：2002年3月3日生まれ。 世代：日系四世。 ${text(ja, 'ui.tree.explain.g4')}`,
    ]);
    expect(items()).toEqual([`${text(ja, 'rules.redirect-nikkei4-designated-43.title')}：該当する可能性が高い`]);
    // Wrapped after the colon: "✓ 特定活動 告示43号：" / "該当する可能性が高い".
    expect(drawn(screen.getByRole('img', { name: /日系四世/ }))).toContain(
      '✓ 特定活動 告示43号： 該当する可能性が高い',
    );
  });

  it('Sofia after five years on 特定活動43号: the 告示外 category is labelled case by case, as in the results, never "Likely eligible"', () => {
    const after43: Answers = {
      ...SOFIA,
      location: 'in_japan',
      current_status: 'designated_activities',
      designated_43_completed: 'yes',
      japanese_level: 'n2',
      livelihood: 'yes',
      public_duties: 'yes',
    };
    const title = (lang: typeof en) => text(lang, 'rules.unspecified-nikkei4-after-43.title');
    const { unmount } = renderApp({ path: '/results', answers: after43 });
    expect(items()).toContain(`${title(en)} — ${text(en, 'engine.verdict.discretionary')}`);
    expect(items().join(' ')).not.toContain(`${title(en)} — Likely eligible`);
    const drawing = drawn(screen.getByRole('img', { name: /Nikkei 4th generation \(日系四世\)/ }));
    expect(drawing).toContain(text(en, 'ui.tree.verdict.discretionary'));
    unmount();

    renderApp({ path: '/results', answers: after43, lang: 'ja' });
    expect(items()).toContain(`${title(ja)}：${text(ja, 'engine.verdict.discretionary')}`);
    expect(drawn(screen.getByRole('img', { name: /日系四世/ }))).toContain(text(ja, 'ui.tree.verdict.discretionary'));
  });

  it('draws nothing when there is no Japanese family line', () => {
    renderApp({ path: '/results', answers: MAI });
    expect(screen.getByRole('heading', { level: 1, name: 'Your results' })).toBeInTheDocument();
    expect(tree()).toBeNull();
    expect(screen.queryByRole('region', { name: 'Your Japanese family line' })).toBeNull();
  });
});

describe('"your line so far" on the lineage questions', () => {
  const sofar: Answers = {
    japanese_ancestry: 'yes',
    parent_japanese_at_birth: 'no',
    parent_born_to_japanese: 'no',
    grandparent_born_to_japanese: 'yes',
  };

  it('shows the line below the form, marking what the question asks', () => {
    renderApp({ path: '/question/grandparent_had_koseki', answers: sofar });
    const form = document.querySelector('form.question-form')!;
    const section = screen.getByRole('region', { name: 'Your line so far' });
    expect(form.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    within(section).getByRole('img', { name: /Generation not known yet/ });
    expect(words()[1]).toBe(
      'Your grandparent (祖父母): Was not a Japanese national when your parent was born. ' +
        'Whether they once had a registered domicile (本籍) in Japan: not answered yet. The question on this page asks about this.',
    );
    expect(section.querySelector('svg')).toHaveTextContent('◀ The question on this page');
    // Still open: the engine's verdicts, not a guess.
    expect(items().some((i) => i?.startsWith(text(en, 'rules.notified-4.title')))).toBe(true);
    expect(items().every((i) => i?.includes('Possible — more information needed'))).toBe(true);
  });

  it('in Japanese too', () => {
    renderApp({ path: '/question/grandparent_had_koseki', answers: sofar, lang: 'ja' });
    const section = screen.getByRole('region', { name: 'ここまでの家系' });
    expect(section.querySelector('svg')).toHaveTextContent('◀ このページの質問');
  });

  it('is not shown on other questions, nor without a Japanese ancestor', () => {
    const { unmount } = renderApp({ path: '/question/birth_date', answers: { japanese_ancestry: 'yes' } });
    expect(document.querySelector('form.question-form')).not.toBeNull();
    expect(tree()).toBeNull();
    unmount();
    renderApp({ path: '/question/japanese_ancestry', answers: { japanese_ancestry: 'no' } });
    expect(document.querySelector('form.question-form')).not.toBeNull();
    expect(tree()).toBeNull();
  });
});
