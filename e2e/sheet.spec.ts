// The result sheet in the browser: a persona's journey, the sheet printed to PDF (A4) in one
// language and in both, the PDF's text read back with pdf.js; axe on the print layout and on the
// results page with the scrivener view on, in both languages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { axe, journey, type Lang, loadPersonas, T } from './support';

const personas = loadPersonas();
const carlos = personas.find((p) => p.persona === 1)!; // 告示3号, abroad
const grace = personas.find((p) => p.persona === 29)!; // 告示外 marital breakdown and 日本人の配偶者等, in Japan

const LOCALES = join(import.meta.dirname, '..', 'locales');
type Tree = { [k: string]: string | Tree };
function textOf(lang: Lang, file: string, key: string): string {
  let cur: string | Tree = JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Tree;
  for (const k of key.split('.')) cur = (cur as Tree)[k]!;
  if (typeof cur !== 'string') throw new Error(`no text ${file} ${key}`);
  return cur;
}
const title = (lang: Lang, id: string) => textOf(lang, `rules/${id}.json`, 'title');
const SHEET = { en: 'Print the results or save them as PDF', ja: '判定結果を印刷・PDFで保存する' } as const;
const BOTH = { en: 'Japanese and English side by side', ja: '日本語と英語を左右に並べる' } as const;
const TOGGLE = { en: 'Scrivener view (行政書士向け表示)', ja: '行政書士向け表示' } as const;

/** The text of each page of a PDF, whitespace removed (pdf.js splits runs where the layout does). */
async function pdfPages(pdf: Buffer): Promise<{ text: string[]; sizes: [number, number][] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const text: string[] = [];
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const { width, height } = page.getViewport({ scale: 1 });
    sizes.push([width, height]);
    const content = await page.getTextContent();
    text.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join('')
        .replace(/\s+/g, ''),
    );
  }
  await doc.destroy();
  return { text, sizes };
}
const squash = (s: string) => s.replace(/\s+/g, '');

/** Prints the page to an A4 PDF, keeps it with the test's output, and reads it back. */
async function printPdf(page: Page, path: string) {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  writeFileSync(path, pdf);
  const read = await pdfPages(pdf);
  // A4 is 595.3 × 841.9 points (Chromium rounds the page to whole CSS pixels).
  for (const [w, h] of read.sizes) {
    expect(Math.abs(w - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(h - 841.9)).toBeLessThan(1.5);
  }
  return read;
}

/** In print media, nothing is wider than the A4 text area (210 mm less the 12 mm margins ≈ 703 px). */
async function expectFitsA4(page: Page) {
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const overflow = await page.evaluate(() => {
    const sheet = document.querySelector('.sheet')!;
    return [...sheet.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((el) => `${el.tagName}.${el.className}`);
  });
  expect(overflow, 'elements wider than the A4 text area').toEqual([]);
  // No navigation chrome on paper.
  for (const sel of ['header.header', 'footer.footer', '.sheet-controls', '.quick-exit'])
    if (await page.locator(sel).count()) await expect(page.locator(sel).first()).toBeHidden();
}

test('Carlos: the sheet in English, then both languages, printed to A4 PDF', async ({ page }, info) => {
  test.setTimeout(90_000);
  await journey(page, carlos, 'en');
  await page.getByRole('link', { name: SHEET.en }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Result sheet' })).toBeVisible();
  await expect(page.locator('.sheet')).toHaveAttribute('data-langs', 'en');

  const one = await printPdf(page, info.outputPath('sheet-en.pdf'));
  const all = one.text.join('');
  expect(all).toContain(squash(title('en', 'notified-3')));
  expect(all).toContain(
    squash(`✓ met: ${textOf('en', 'rules/notified-3.json', 'conditions.parent-born-to-japanese')}`),
  );
  expect(all).toContain(squash('Screened as of 23 November 2026'));
  expect(all).toContain(squash('Printed on 23 November 2026'));
  expect(all).toContain(squash(textOf('en', 'rules/notified-3.json', 'documents.ancestor-koseki')));
  expect(all).toContain(squash('✗ not met:')); // the categories that do not fit
  expect(all).not.toContain(squash(SHEET.en)); // no controls on paper
  expect(all).not.toContain(squash('Exit this page'));
  // A category's block is not cut between pages: its title and its first condition share a page.
  const page3 = one.text.find((p) => p.includes(squash(title('en', 'notified-3'))))!;
  expect(page3).toContain(squash(textOf('en', 'rules/notified-3.json', 'conditions.parent-born-to-japanese')));

  await page.getByLabel(BOTH.en).check();
  await expect(page.locator('.sheet')).toHaveAttribute('data-langs', 'ja,en');
  const two = await printPdf(page, info.outputPath('sheet-ja-en.pdf'));
  const both = two.text.join('');
  expect(both).toContain(squash(title('ja', 'notified-3')));
  expect(both).toContain(squash(title('en', 'notified-3')));
  expect(both).toContain(
    squash(`✓ 満たす: ${textOf('ja', 'rules/notified-3.json', 'conditions.parent-born-to-japanese')}`),
  );
  expect(both).toContain(
    squash(`✓ met: ${textOf('en', 'rules/notified-3.json', 'conditions.parent-born-to-japanese')}`),
  );
  expect(both).toContain('2026年11月23日');
  expect(both).toContain(squash('23 November 2026'));
  expect(both).toContain(squash(textOf('ja', 'rules/notified-3.json', 'documents.ancestor-koseki')));
  expect(both).toContain(squash(textOf('ja', 'facts.json', 'location.question')));
  // The lang attributes of the two columns.
  const cols = page.locator('.sheet-category[data-rule-id="notified-3"] .sheet-col');
  await expect(cols.nth(0)).toHaveAttribute('lang', 'ja');
  await expect(cols.nth(1)).toHaveAttribute('lang', 'en');

  // On a phone the two languages stack: nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 800 });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(sideways, 'the sheet scrolls sideways at 360 px').toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath('sheet-ja-en-360.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('.sheet-controls').screenshot({ path: info.outputPath('sheet-controls.png') });

  await expectFitsA4(page);
  await page.screenshot({ path: info.outputPath('sheet-ja-en-print.png'), fullPage: true });
});

for (const lang of ['en', 'ja'] as Lang[]) {
  test(`${lang}: Grace in the scrivener view with an as-of date, the sheet printed — no axe violations`, async ({
    page,
  }, info) => {
    test.setTimeout(240_000);
    await journey(page, grace, lang);
    // The results page with the scrivener view on.
    await page.getByRole('button', { name: TOGGLE[lang] }).click();
    await expect(page.getByRole('button', { name: TOGGLE[lang] })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('code', { hasText: 'unspecified-marital-breakdown' }).first()).toBeVisible();
    // An intended application date.
    const form = page.locator('.as-of-form');
    await form.getByLabel(lang === 'en' ? 'Year' : '年', { exact: true }).fill('2027');
    await form.getByLabel(lang === 'en' ? 'Month' : '月', { exact: true }).fill('4');
    await form.getByLabel(lang === 'en' ? 'Day' : '日', { exact: true }).fill('1');
    await form
      .getByRole('button', { name: lang === 'en' ? 'Screen as of this date' : 'この日を基準に判定する' })
      .click();
    await expect(page.locator('.as-of-notice')).toContainText(lang === 'en' ? '1 April 2027' : '2027年4月1日');
    await page.locator('[data-group="notEligible"] summary').click();
    // One scan covers the toggle, the as-of form and notice, the ids, the checklist and the full traces.
    await axe(page, 'results with the scrivener view on, an as-of date and the not-eligible list open');
    await page.screenshot({ path: info.outputPath(`${lang}-results-pro.png`), fullPage: true });
    await page.locator('.pro-panel').screenshot({ path: info.outputPath(`${lang}-pro-panel.png`) });
    await page.locator('article[data-rule-id="unspecified-marital-breakdown"]').screenshot({
      path: info.outputPath(`${lang}-pro-card.png`),
    });

    // The results page itself prints sensibly: no controls, the not-eligible list open.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.pro-toggle')).toBeHidden();
    await expect(page.locator('[data-group="notEligible"] .not-eligible').first()).toBeVisible();
    await page.emulateMedia({ media: null });

    await page.getByRole('link', { name: SHEET[lang] }).click();
    await expect(page.locator('.sheet')).toBeVisible();
    await page.getByLabel(BOTH[lang]).check();
    await expect(page.locator('.sheet')).toHaveAttribute('data-langs', 'ja,en');
    await axe(page, 'sheet in both languages');

    const { text } = await printPdf(page, info.outputPath(`${lang}-grace-ja-en.pdf`));
    const all = text.join('');
    expect(all).toContain('2027年4月1日');
    expect(all).toContain(squash('1 April 2027'));
    for (const l of ['ja', 'en'] as Lang[]) {
      expect(all).toContain(squash(title(l, 'unspecified-marital-breakdown')));
      // Her marriage has broken down: no redirect to the spouse status (§4.6), and the dates to keep.
      expect(all).not.toContain(squash(title(l, 'redirect-spouse-child-of-japanese')));
      expect(all).toContain(squash(textOf(l, 'ui/sheet.json', 'deadlines.title')));
      expect(all).toContain(squash(textOf(l, 'ui/sheet.json', 'meta.asOfChosen')));
    }
    await expectFitsA4(page);
    await axe(page, 'sheet print layout at A4 width');
    await page.screenshot({ path: info.outputPath(`${lang}-grace-print.png`), fullPage: true });
  });
}

test('every question on one page: a scrivener opens a question the answers do not need', async ({ page }) => {
  await journey(page, carlos, 'en');
  await page.getByRole('button', { name: TOGGLE.en }).click();
  await page.getByRole('link', { name: 'All questions on one page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'All questions' })).toBeVisible();
  await axe(page, 'questions overview');
  const row = page.locator('[data-status="notNeeded"]').first();
  const id = (await row.getAttribute('data-fact'))!;
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/question/${id}\\?`));
  await expect(page.locator(`form[data-fact="${id}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: T.en.save })).toBeVisible();
});
