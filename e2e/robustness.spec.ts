// Never a blank page: a stored journey the engine once threw on (a sentence ending in 2199), a
// page that fails to render (the error boundary, with the exit, "Clear my answers" and the
// answers file), and stored answers that are damaged (a message on whatever page opens).
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ruleSet } from '../tests/support/rules';
import { freezeDate, T } from './support';

const AS_OF = '2026-11-23';
const EXIT = 'Exit this page';

/** Stores a journey in the tab's session storage as the app does, then opens `path`. */
async function openWithStored(page: Page, path: string, journey: string) {
  await freezeDate(page, AS_OF);
  await page.goto('/robots.txt');
  await page.evaluate((raw) => sessionStorage.setItem('teiju.journey', raw), journey);
  await page.goto(path);
}

const stored = (answers: Record<string, unknown>, hash = ruleSet.version.hash) =>
  JSON.stringify({ version: 1, rulesHash: hash, answers, path: Object.keys(answers) });

const prison = {
  location: 'in_japan',
  birth_date: '1990-04-01',
  conduct_any: 'yes',
  conduct_prison: 'served',
  conduct_prison_end_date: '2199-01-01',
};

test('a stored journey with a sentence ending in 2199 opens /check and /results', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openWithStored(page, '/check', stored(prison));
  await expect(page.getByRole('heading', { level: 1, name: T.en.check })).toBeVisible();
  await expect(page.getByRole('button', { name: EXIT })).toBeVisible();
  await page.goto('/results');
  await expect(page.getByRole('heading', { level: 1, name: T.en.results })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: T.en.results })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a page that fails to render shows the error page, keeps the answers and offers them as a file', async ({
  page,
}) => {
  // A forced render error: the results page formats its dates with Intl.DateTimeFormat.
  await page.addInitScript(() => {
    Intl.DateTimeFormat = function () {
      throw new Error('forced render error');
    } as unknown as typeof Intl.DateTimeFormat;
  });
  const raw = stored(prison);
  await openWithStored(page, '/results', raw);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, something went wrong on this page');
  await expect(page.getByRole('button', { name: EXIT })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clear my answers' }).first()).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('teiju.journey'))).toBe(raw);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download your answers' }).click();
  const file = await download;
  // Named by the date only (the forced fault also stops the test clock: today's real date).
  expect(file.suggestedFilename()).toMatch(/^answers-\d{4}-\d{2}-\d{2}\.json$/);
  const sorted = Object.fromEntries(Object.entries(prison).sort(([a], [b]) => a.localeCompare(b)));
  expect(JSON.parse(readFileSync(await file.path(), 'utf8'))).toEqual({ version: 1, answers: sorted });

  // A reload keeps them too (the fault is still there: the same page, never a blank one).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, something went wrong on this page');
  expect(await page.evaluate(() => sessionStorage.getItem('teiju.journey'))).toBe(raw);
});

test('in Japanese, the error page is in Japanese', async ({ page }) => {
  await page.addInitScript(() => {
    Intl.DateTimeFormat = function () {
      throw new Error('forced render error');
    } as unknown as typeof Intl.DateTimeFormat;
  });
  await openWithStored(page, '/results?lang=ja', stored(prison));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('申し訳ありません。このページで問題が起きました');
  await expect(page.getByRole('button', { name: 'このページからすぐに離れる' })).toBeVisible();
});

for (const path of ['/check', '/results'])
  test(`a damaged stored key: ${path} says so`, async ({ page }) => {
    // Unreadable as a whole: sent to the start page, with the message.
    await openWithStored(page, path, '{"version":1,"answers":');
    await page.waitForURL((u) => u.pathname === '/');
    await expect(page.getByRole('alert')).toContainText('Your earlier answers could not be restored');

    // One bad answer among good ones: the page opens, with the good answers and the message.
    await openWithStored(page, path, stored({ ...prison, birth_date: '1990-02-30' }));
    expect(new URL(page.url()).pathname).toBe(path);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Some of your answers could not be restored');
    await expect(alert).toContainText(
      '1 answer saved in this tab could not be read and was removed; the other 4 were kept.',
    );
    await expect(alert.getByRole('listitem')).toHaveCount(1);
  });
