// The Nikkei family tree in the browser: for two lineage personas (tests/personas/), walk the
// journey, see the drawing on a lineage question ("your line so far") and on the results page
// with the right generation and category, screenshot it at 360 px and 1280 px, and run axe on
// the results page with the tree in both languages.
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import {
  answerAll,
  answerQuestion,
  axe,
  factOf,
  freezeDate,
  type Lang,
  loadPersonas,
  type Persona,
  switchTo,
  T,
} from './support';

const personas = loadPersonas();
const ana = personas.find((p) => p.persona === 2)!; // 告示4号, 日系3世
const sofia = personas.find((p) => p.persona === 10)!; // 特定活動43号, 日系四世

const TEXT = {
  en: {
    soFar: 'Your line so far',
    line: 'Your Japanese family line',
    current: '◀ The question on this page',
    generation: { g3: 'Nikkei 3rd generation (日系3世)', g4: 'Nikkei 4th generation (日系四世)' },
    item: {
      'notified-4': '✓ 告示4号 Long-Term Resident (定住者): likely eligible',
      'redirect-nikkei4-designated-43': '✓ 特定活動 告示43号 (Designated Activities): likely eligible',
    },
  },
  ja: {
    soFar: 'ここまでの家系',
    line: 'あなたの日系の家系',
    current: '◀ このページの質問',
    generation: { g3: '日系3世', g4: '日系四世' },
    item: {
      'notified-4': '✓ 定住者 告示4号：該当する可能性が高い',
      'redirect-nikkei4-designated-43': '✓ 特定活動 告示43号：該当する可能性が高い',
    },
  },
} as const;

/** The drawing's texts, without spaces (so that wrapped lines compare in both languages). */
const drawn = (svg: Locator) =>
  svg.locator('text').evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, '')).join(''));
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Screenshots of the tree at 360 px and 1280 px; at 360 px nothing may scroll sideways. */
async function shoot(page: Page, tree: Locator, info: TestInfo, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    const svg = tree.locator('svg');
    // Every text stays inside the drawing, measured with the fonts the browser really uses.
    const over = await svg.evaluate((el: SVGSVGElement) =>
      [...el.querySelectorAll('text')]
        .filter((t) => t.getBBox().x + t.getBBox().width > el.viewBox.baseVal.width - 4)
        .map((t) => t.textContent),
    );
    expect(over, `${name}: texts running out of the drawing`).toEqual([]);
    const box = (await svg.boundingBox())!;
    expect(box.width, `${name}: drawing fits at ${width} px`).toBeLessThanOrEqual(width);
    expect(box.width).toBeGreaterThan(250); // readable: not squeezed
    await tree.screenshot({ path: info.outputPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Answers questions from the persona until the question `stop` is on screen. */
async function answerUntil(page: Page, p: Persona, stop: string) {
  for (let i = 0; i < 120; i++) {
    await page.waitForURL(/\/(question\/[^/?]+|check)(\?.*)?$/);
    if (factOf(page) === stop) return;
    expect(new URL(page.url()).pathname, `${stop} was never asked`).not.toBe('/check');
    const before = page.url();
    await answerQuestion(page, p.answers);
    await page.waitForURL((u) => u.href !== before);
  }
}

const cases = [
  {
    p: ana,
    lang: 'en' as Lang,
    other: 'ja' as Lang,
    stop: 'grandparent_had_koseki',
    generation: 'g3',
    item: 'notified-4',
  },
  {
    p: sofia,
    lang: 'ja' as Lang,
    other: 'en' as Lang,
    stop: 'grandparent_born_to_japanese',
    generation: 'g4',
    item: 'redirect-nikkei4-designated-43',
  },
] as const;

for (const c of cases)
  test(`${c.lang} · persona ${c.p.persona}: the family tree on a lineage question and on the results`, async ({
    page,
  }, info) => {
    test.setTimeout(90_000);
    const L = TEXT[c.lang];
    await freezeDate(page, c.p.asOf);
    // The start page (and its idle preloading of the other pages) does not load the drawing's code.
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.url());
    });
    await page.goto(`/?lang=${c.lang}`);
    await page.waitForLoadState('networkidle');
    expect(
      scripts.some((u) => /\/question-[^/]*\.js$/.test(u)),
      'the pages were preloaded',
    ).toBe(true);
    for (const url of scripts) expect(await (await page.request.get(url)).text()).not.toContain('family-tree__svg');
    await page.getByRole('button', { name: T[c.lang].start }).click();

    // A lineage question: "your line so far", with the question on this page marked.
    await answerUntil(page, c.p, c.stop);
    const soFar = page.getByRole('region', { name: L.soFar });
    await expect(soFar).toBeVisible();
    const soFarSvg = soFar.getByRole('img');
    await expect(soFarSvg).toBeVisible();
    expect(await drawn(soFarSvg)).toContain(squeeze(L.current));
    await shoot(page, soFar, info, `${c.lang}-${c.p.persona}-question-${c.stop}`);
    await axe(page, `question ${c.stop} with the tree`);

    // On to the results.
    await answerAll(page, c.p.answers);
    await page.getByRole('button', { name: T[c.lang].seeResults }).click();
    await expect(page.getByRole('heading', { level: 1, name: T[c.lang].results })).toBeVisible();
    const tree = page.getByRole('region', { name: L.line });
    await expect(tree).toBeVisible();
    await expect(tree).toHaveAttribute('data-generation', c.generation);
    const svg = tree.getByRole('img', { name: new RegExp(L.generation[c.generation].replace(/[()]/g, '\\$&')) });
    await expect(svg).toBeVisible();
    const words = await drawn(svg);
    expect(words).toContain(squeeze(L.generation[c.generation]));
    expect(words).toContain(squeeze(L.item[c.item]));
    // The category of the drawing is the engine's: the same category is a likely match on the page.
    await expect(page.locator(`article[data-rule-id="${c.item}"]`)).toHaveAttribute('data-verdict', 'eligible');
    // The text alternative is in the page for screen readers.
    await expect(tree.locator('.family-tree__words li')).toHaveCount(4 + 1);
    await axe(page, `results with the tree (${c.lang})`);
    await shoot(page, tree, info, `${c.lang}-${c.p.persona}-results`);

    // The other language, switched on the results page.
    await switchTo(page, c.other === 'ja' ? '日本語' : 'English');
    const treeOther = page.getByRole('region', { name: TEXT[c.other].line });
    await expect(treeOther).toBeVisible();
    expect(await drawn(treeOther.getByRole('img'))).toContain(squeeze(TEXT[c.other].item[c.item]));
    await axe(page, `results with the tree (${c.other})`);
    await shoot(page, treeOther, info, `${c.other}-${c.p.persona}-results`);

    // Printed in black and white: the drawing stays (the line styles carry the meaning).
    await page.emulateMedia({ media: 'print' });
    await expect(treeOther.getByRole('img')).toBeVisible();
    await treeOther.getByRole('img').screenshot({ path: info.outputPath(`${c.other}-${c.p.persona}-print.png`) });
    await page.emulateMedia({ media: 'screen' });
  });
