// Save, load and share the answers in a real browser: export a file (download), clear, import it
// and reach the same results; open a share link in a fresh browser and reach the same results; a
// tampered link and a bad file are refused with the answers kept; axe on the page, both languages.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { main } from '../scripts/screen';
import { encodeShareFragment } from '../src/app/state/transfer';
import { axe, freezeDate, journey, type Lang, loadPersonas, shownResults, T } from './support';

const personas = loadPersonas();
const carlos = personas.find((p) => p.persona === 1)!; // 告示3号, abroad; answers criminal-record questions
const TX = {
  en: {
    link: 'Save, load or share your answers',
    download: 'Download answers',
    file: 'Answers file (.json)',
    load: 'Load answers',
    replace: 'Replace my answers',
    make: 'Make a share link',
    sensitive: 'I understand, make the link',
    shareLink: 'Share link',
    loaded: 'Your answers have been loaded',
  },
  ja: {
    link: '回答の保存・読み込み・共有',
    download: '回答をダウンロード',
    file: '回答ファイル（.json）',
    load: '回答を読み込む',
    replace: '回答を置き換える',
    make: '共有リンクを作る',
    sensitive: '理解したうえでリンクを作る',
    shareLink: '共有リンク',
    loaded: '回答を読み込みました',
  },
} as const;

async function makeLink(page: Page, lang: Lang): Promise<string> {
  await page.getByRole('button', { name: TX[lang].make }).click();
  // Carlos answered questions about a criminal record: the warning comes first.
  await expect(
    page.getByRole('group', {
      name: lang === 'en' ? 'Your answers include sensitive topics' : '回答に配慮が必要な内容が含まれています',
    }),
  ).toBeFocused();
  await expect(page.getByRole('textbox', { name: TX[lang].shareLink })).toHaveCount(0);
  await page.getByRole('button', { name: TX[lang].sensitive }).click();
  const field = page.getByRole('textbox', { name: TX[lang].shareLink });
  await expect(field).toBeFocused();
  return field.inputValue();
}

/** The answers shown on check your answers (question → answer), to compare before and after. */
async function checkRows(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page.locator('.summary-list__row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-fact')));
}

test('export a file, clear, import it: the same results; the CLI reads the same file', async ({ page }, info) => {
  test.setTimeout(90_000);
  await journey(page, carlos, 'en');
  const before = await shownResults(page);
  expect(before.eligible).toEqual(carlos.eligible);

  await page.getByRole('link', { name: TX.en.link }).click();
  await expect(page).toHaveURL(/\/save(\?|$)/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: TX.en.download }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`answers-${carlos.asOf}.json`);
  const path = info.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { version: number; answers: Record<string, unknown> };
  expect(saved.version).toBe(1);
  for (const [id, value] of Object.entries(carlos.answers))
    if (saved.answers[id] !== undefined) expect(saved.answers[id], id).toBe(value);

  // The command line accepts the downloaded file and finds the same eligible categories.
  let out = '';
  let err = '';
  const code = main([path, '--as-of', carlos.asOf, '--json'], { out: (s) => (out += s), err: (s) => (err += s) });
  expect(err).toBe('');
  expect(code).toBe(0);
  const cli = JSON.parse(out) as { results: { id: string; verdict: string; kind: string; discretionary: boolean }[] };
  expect(
    cli.results
      .filter((r) => r.verdict === 'eligible' && r.kind !== 'redirect' && !r.discretionary)
      .map((r) => r.id)
      .sort(),
  ).toEqual(before.eligible);

  // Clear everything, then load the file.
  await page.locator('header').getByRole('button', { name: 'Clear my answers' }).click();
  await page.getByRole('button', { name: 'Yes, clear' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Long-Term Resident/ })).toBeVisible();
  await page.getByRole('link', { name: TX.en.link }).click();
  await page.getByLabel(TX.en.file).setInputFiles(path);
  await page.getByRole('button', { name: TX.en.load, exact: true }).click();
  await expect(page).toHaveURL(/\/check(\?|$)/);
  await expect(page.locator('[data-notice="imported"]')).toContainText(TX.en.loaded);
  await page.getByRole('button', { name: T.en.seeResults }).click();
  await expect(page.getByRole('heading', { level: 1, name: T.en.results })).toBeVisible();
  expect(await shownResults(page)).toEqual(before);
});

test('a share link opened in a fresh browser reaches the same results; no request carries it', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await journey(page, carlos, 'en');
  const before = await shownResults(page);
  await page.getByRole('link', { name: TX.en.link }).click();
  const link = await makeLink(page, 'en');
  const url = new URL(link);
  expect(url.search).toBe('');
  expect(url.hash).toMatch(/^#answers=v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{11}$/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: /copied|selected/ })).toBeVisible();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const requests: string[] = [];
  other.on('request', (r) => requests.push(r.url()));
  await freezeDate(other, carlos.asOf);
  await other.goto(link);
  await expect(other).toHaveURL(/\/check(\?|$)/); // the fragment is gone from the address bar
  expect(new URL(other.url()).hash).toBe('');
  await expect(other.locator('[data-notice="imported"]')).toContainText('answers were loaded from the share link');
  // Going back does not bring the link (and its answers) back into the address bar.
  await other.goBack();
  await expect(other).toHaveURL(/\/$/);
  expect(new URL(other.url()).hash).toBe('');
  await other.goForward();
  await other.getByRole('button', { name: T.en.seeResults }).click();
  await expect(other.getByRole('heading', { level: 1, name: T.en.results })).toBeVisible();
  expect(await shownResults(other)).toEqual(before);
  expect(requests.filter((r) => r.includes('answers=') || r.includes(url.hash.slice(10, 30)))).toEqual([]);
  await fresh.close();
});

test('a tampered link and a bad file are refused, and the answers stay', async ({ page }) => {
  test.setTimeout(90_000);
  await journey(page, carlos, 'en');
  await page.getByRole('link', { name: T.en.back }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: T.en.check })).toBeVisible();
  const rows = await checkRows(page);
  expect(rows.length).toBeGreaterThan(5);
  await page.getByRole('link', { name: TX.en.link }).click();
  const link = await makeLink(page, 'en');

  // One character of the payload changed.
  const i = link.indexOf('#answers=v1.') + 20;
  const tampered = link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1);
  await page.goto(tampered);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The share link could not be opened');
  await expect(alert).toContainText('The link has been changed or damaged: its check code does not match its content.');
  await expect(alert).toBeFocused();
  expect(new URL(page.url()).hash).toBe('');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(); // never a blank page
  await page.goto('/check');
  expect(await checkRows(page)).toEqual(rows);

  // A cut-off link.
  await page.goto(link.slice(0, -12));
  await expect(page.getByRole('alert')).toContainText('The link is incomplete');
  await page.goto('/check');
  expect(await checkRows(page)).toEqual(rows);

  // A bad file.
  await page.goto('/save');
  await page.getByLabel(TX.en.file).setInputFiles({
    name: 'answers.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"version":1,"answers":{"marriage_date":"2020-05-01","marriage_end_date":"2019-04-01"}}'),
  });
  await page.getByRole('button', { name: TX.en.load, exact: true }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('(marriage_end_date) is "2019-04-01", which is before the answer to');
  await expect(page).toHaveTitle(/^Error: /);
  await page.goto('/check');
  expect(await checkRows(page)).toEqual(rows);
});

for (const lang of ['en', 'ja'] as Lang[]) {
  test(`${lang}: the save page, its warning, link, error and the link question — no axe violations`, async ({
    page,
  }, info) => {
    test.setTimeout(90_000);
    await journey(page, carlos, lang);
    await page.getByRole('link', { name: TX[lang].link }).click();
    await expect(page.getByRole('heading', { level: 1, name: TX[lang].link })).toBeFocused();
    await axe(page, 'save page');

    await page.getByRole('button', { name: TX[lang].make }).click();
    await axe(page, 'sensitive warning');
    await page.getByRole('button', { name: TX[lang].sensitive }).click();
    await expect(page.getByRole('textbox', { name: TX[lang].shareLink })).toBeFocused();
    await axe(page, 'share link');
    // Usable at 360 px: the long link does not make the page scroll sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath(`${lang}-save-360.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByLabel(TX[lang].file).setInputFiles({
      name: 'answers.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version":2,"answers":{"location":"mars"}}'),
    });
    await page.getByRole('button', { name: TX[lang].load, exact: true }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await axe(page, 'save page with a refused file');

    // Opening a link to other answers while answers exist asks first.
    const fragment = await encodeShareFragment({ location: 'in_japan', birth_date: '1990-01-01' });
    await page.goto(`/?lang=${lang}${fragment}`);
    await expect(
      page.getByRole('region', {
        name: lang === 'en' ? 'This share link holds answers' : 'この共有リンクには回答が入っています',
      }),
    ).toBeFocused();
    await axe(page, 'share link question');
    await page
      .getByRole('button', { name: lang === 'en' ? 'Load the link’s answers' : 'リンクの回答を読み込む' })
      .click();
    await expect(page).toHaveURL(/\/check\?lang=/);
    await expect(page.locator('[data-notice="imported"]')).toContainText(TX[lang].loaded);
    await axe(page, 'check your answers after loading');
  });
}
