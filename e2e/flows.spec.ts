// Journeys that are not about the verdicts: switching language, reloading, going back, changing
// an answer from check your answers, and using the keyboard only.
import { expect, test } from '@playwright/test';
import { ruleSet } from '../tests/support/rules';
import { personaAnswer } from '../tests/support/walk';
import { answerAll, answerQuestion, expectAnswer, factOf, freezeDate, loadPersonas, switchTo, T } from './support';

const personas = loadPersonas();
const carlos = personas.find((p) => p.persona === 1)!;
const luis = personas.find((p) => p.persona === 4)!;

test('switching language mid-journey keeps the page and the answers', async ({ page }) => {
  await freezeDate(page, carlos.asOf);
  await page.goto('/?lang=en');
  await page.getByRole('button', { name: T.en.start }).click();
  await answerQuestion(page, carlos.answers);
  await page.waitForURL((u) => !u.pathname.endsWith('/location'));
  await answerQuestion(page, carlos.answers);
  await page.waitForURL(/\/question\//);
  const url = page.url();
  const heading = await page.getByRole('heading', { level: 1 }).textContent();

  await switchTo(page, '日本語');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(heading!);
  expect(new URL(page.url()).pathname).toBe(new URL(url).pathname);

  // Back shows the earlier answer, in Japanese now.
  await page.getByRole('link', { name: T.ja.back }).click();
  const prev = factOf(page)!;
  await expectAnswer(page, prev, carlos.answers[prev]!);
  await page.getByRole('button', { name: T.ja.continue }).click();

  await answerAll(page, carlos.answers);
  await page.getByRole('button', { name: T.ja.seeResults }).click();
  await expect(page.locator('article[data-verdict="eligible"]')).toHaveAttribute('data-rule-id', 'notified-3');
  // English title beside the Japanese one.
  await expect(page.locator('article[data-rule-id="notified-3"] [lang="en"]')).toContainText('Nikkei');

  // And back to English on the results page.
  await switchTo(page, 'English');
  await expect(page.getByRole('heading', { level: 1, name: T.en.results })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a reload mid-journey keeps the journey; a closed tab forgets it', async ({ page, context }) => {
  await freezeDate(page, carlos.asOf);
  await page.goto('/?lang=en');
  await page.getByRole('button', { name: T.en.start }).click();
  for (let i = 0; i < 3; i++) {
    const before = page.url();
    await answerQuestion(page, carlos.answers);
    await page.waitForURL((u) => u.href !== before);
  }
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.locator('form.question-form')).toBeVisible();
  await page.getByRole('link', { name: T.en.back }).click();
  // A Back pressed before the app has the page is held until it has (the page's loader).
  await page.waitForURL((u) => u.href !== url);
  const prev = factOf(page)!;
  await expectAnswer(page, prev, carlos.answers[prev]!);

  // The start page offers to continue.
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();

  // sessionStorage belongs to the tab: a new tab starts afresh.
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('button', { name: T.en.start })).toBeVisible();
  await other.close();
});

test('browser back returns to the previous question with its answer', async ({ page }) => {
  await freezeDate(page, carlos.asOf);
  await page.goto('/question/location?lang=en');
  await page.locator('label[for="location-abroad"]').click();
  await page.getByRole('button', { name: T.en.continue }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/location'));
  await page.goBack();
  await expect(page).toHaveURL(/\/question\/location/);
  await expect(page.locator('#location-abroad')).toBeChecked();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('change an answer from check your answers and come back to it', async ({ page }) => {
  await freezeDate(page, luis.asOf);
  await page.goto('/?lang=en');
  await page.getByRole('button', { name: T.en.start }).click();
  await answerAll(page, luis.answers);
  const row = page.locator('[data-fact="parent_japanese_at_birth"]');
  await expect(row).toContainText('Yes');
  const rows = await page.locator('.summary-list__row').count();

  await row.getByRole('link', { name: /^Change/ }).click();
  await expect(page).toHaveURL(/\/question\/parent_japanese_at_birth\?.*return=check/);
  await expect(page.locator('#parent_japanese_at_birth-yes')).toBeChecked();
  await page.locator('label[for="parent_japanese_at_birth-no"]').click();
  await page.getByRole('button', { name: T.en.save }).click();
  // Newly relevant questions may come first; then back to check your answers.
  while (!new URL(page.url()).pathname.endsWith('/check')) {
    const before = page.url();
    await answerQuestion(page, luis.answers);
    await page.waitForURL((u) => u.href !== before);
  }
  await expect(page.locator('[data-fact="parent_japanese_at_birth"]')).toContainText('No');
  expect(await page.locator('.summary-list__row').count()).toBeGreaterThanOrEqual(rows - 2);
  await page.getByRole('button', { name: T.en.seeResults }).click();
  await expect(page.locator('section[data-group="redirect"]')).toHaveCount(0);
  await expect(page.locator('article[data-rule-id="notified-3"]')).toHaveAttribute('data-verdict', 'eligible');
});

test('keyboard only: start, answer, fix an error, check, results', async ({ page }) => {
  await freezeDate(page, luis.asOf);
  await page.goto('/?lang=en');
  const tabTo = async (selector: string, max = 40) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`could not reach ${selector} with Tab`);
  };
  await tabTo('button.button--start');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/question\//);
  // Focus is on the new page's heading.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // An empty submit: the error summary takes focus; Enter on its link goes to the field.
  await tabTo('form button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('form input').first()).toBeFocused();

  for (let i = 0; i < 80 && !new URL(page.url()).pathname.endsWith('/check'); i++) {
    const form = page.locator('form.question-form');
    const id = (await form.getAttribute('data-fact'))!;
    const type = (await form.getAttribute('data-type'))!;
    const fact = ruleSet.facts.find((f) => f.id === id)!;
    const value = luis.answers[id] ?? personaAnswer(ruleSet, fact, luis.answers, luis.asOf);
    const before = page.url();
    if (type === 'multi') {
      // Select all that apply: Tab to each checkbox wanted, Space to tick it.
      for (const o of value === 'none' ? ['none'] : String(value).split(',')) {
        await tabTo(`#${id}-${o}`);
        await page.keyboard.press('Space');
        await expect(form.locator(`#${id}-${o}`)).toBeChecked();
      }
    } else if (type === 'date' && value !== 'unknown') {
      const [y, m, d] = String(value).split('-');
      await tabTo(`#${id}-year`);
      await page.keyboard.type(y!);
      await page.keyboard.press('Tab');
      await page.keyboard.type(String(Number(m)));
      await page.keyboard.press('Tab');
      await page.keyboard.type(String(Number(d)));
    } else if (type === 'date') {
      await tabTo(`#${id}-unknown`);
      await page.keyboard.press('Space');
    } else {
      // Tab reaches the radio group; arrow keys move the choice to the wanted option.
      await tabTo(`input[name="value"]`);
      const values = await form
        .locator('input[name="value"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      const at = values.indexOf(String(value));
      const current = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
      const from = values.indexOf(current);
      if (!(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)) && at === from)
        await page.keyboard.press('Space');
      for (let k = from; k < at; k++) await page.keyboard.press('ArrowDown');
      for (let k = from; k > at; k--) await page.keyboard.press('ArrowUp');
      await expect(form.locator(`#${id}-${value}`)).toBeChecked();
    }
    await tabTo('form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.href !== before);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  }
  await expect(page.getByRole('heading', { level: 1, name: T.en.check })).toBeFocused();
  await tabTo('main button.button');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: T.en.results })).toBeFocused();
  await expect(page.locator('section[data-group="redirect"] article')).toHaveAttribute(
    'data-rule-id',
    'redirect-spouse-child-of-japanese',
  );
  // The collapsed list opens from the keyboard too.
  await tabTo('[data-group="notEligible"] summary');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-group="notEligible"] details')).toHaveAttribute('open', '');
});

test('no requests leave the site', async ({ page }) => {
  const foreign: string[] = [];
  const own = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:4173').origin;
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== own) foreign.push(r.url());
  });
  // The built page carries a Content Security Policy; nothing the app does may violate it.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await freezeDate(page, carlos.asOf);
  await page.goto('/?lang=en');
  await page.getByRole('button', { name: T.en.start }).click();
  await answerAll(page, carlos.answers);
  await page.getByRole('button', { name: T.en.seeResults }).click();
  await switchTo(page, '日本語');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  expect(foreign).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(violations).toEqual([]);
});

test('the first page loads one language only; the rules and its question texts come just after', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const loaded = (re: RegExp) => scripts.some((s) => re.test(s));
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(); // prerendered: before any script
  await expect.poll(() => loaded(/\/en-core-[^/]*\.js$/)).toBe(true);
  await expect.poll(() => loaded(/\/en-texts-[^/]*\.js$/)).toBe(true);
  await expect.poll(() => loaded(/\/rules-[^/]*\.js$/)).toBe(true);
  expect(loaded(/\/ja-[^/]*\.js$/)).toBe(false);
  await switchTo(page, '日本語');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  expect(loaded(/\/ja-core-[^/]*\.js$/)).toBe(true);
  expect(loaded(/\/ja-texts-[^/]*\.js$/)).toBe(true);
});

test('unknown paths show the app (not a server 404), and a useful page', async ({ page }) => {
  const res = await page.goto('/no/such/page?lang=en');
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
