// The prerendered pages (src/entry-server.tsx, src/prerender/vite-plugin.ts): the start page reads
// in full without JavaScript in both languages, with the noscript explanation; with JavaScript the
// app hydrates that HTML to the same text, without a hydration warning; the language is in the
// address (/en/, /ja/), and the old forms (/, ?lang=) keep working.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { encodeShareFragment } from '../src/app/state/transfer';
import { loadPersonas, T } from './support';

const carlos = loadPersonas().find((p) => p.persona === 1)!;

const HEADING = {
  en: 'Check which Long-Term Resident (定住者) categories may fit you',
  ja: '在留資格「定住者」に該当するか確認する',
};
const NOSCRIPT = { en: 'the questions need JavaScript', ja: '質問に答えるには JavaScript が必要です' };
const PRIVACY = { en: 'Your answers stay on this device', ja: null as string | null };

/** Console errors and warnings, and uncaught page errors. */
function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** Remembers the heading as the HTML parser made it, before any script ran (hydration keeps that node). */
const keepParsedHeading = (page: Page) =>
  page.addInitScript(() =>
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive')
        (window as { parsedH1?: Element | null }).parsedH1 = document.querySelector('h1');
    }),
  );
/** Whether the page's heading is still the node the parser made. */
const headingKept = (page: Page) =>
  page.evaluate(() => document.querySelector('h1') === (window as { parsedH1?: Element }).parsedH1);

/** Visible text, spaces normalised. */
const textOf = async (page: Page, selector: string) =>
  (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of ['en', 'ja'] as const)
    test(`the start page reads in full in ${lang}, and says why the questions need JavaScript`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1, name: HEADING[lang] })).toBeVisible();
      const main = await textOf(page, 'main');
      // Every section of the start page, down to the language choice and the Start button.
      expect(main.length).toBeGreaterThan(lang === 'en' ? 1500 : 500);
      if (PRIVACY[lang]) expect(main).toContain(PRIVACY[lang]);
      await expect(page.getByRole('button', { name: T[lang].start })).toBeVisible();
      await expect(page.locator('.noscript')).toBeVisible();
      await expect(page.locator('.noscript')).toContainText(NOSCRIPT[lang]);
      // The other language's page is one link away.
      const other = lang === 'en' ? 'ja' : 'en';
      await page.locator('.noscript a').click();
      await expect(page).toHaveURL(new RegExp(`/${other}/$`));
      await expect(page.getByRole('heading', { level: 1, name: HEADING[other] })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(HEADING[other].slice(0, 10).replace(/[()]/g, '.')));
    });

  test('a question page reads with its question, its hint and its options', async ({ page }) => {
    for (const [path, heading, option] of [
      ['/ja/question/location', '現在、日本国内にいますか。それとも海外にいますか。', '日本国内'],
      ['/question/location', 'Where are you now?', 'Outside Japan'],
      ['/en/question/marital_status', null, null],
    ] as const) {
      await page.goto(path);
      const h1 = page.getByRole('heading', { level: 1 });
      if (heading) await expect(h1).toHaveText(heading);
      else await expect(h1).not.toBeEmpty();
      if (option) await expect(page.getByText(option, { exact: true })).toBeVisible();
      await expect(page.locator('.noscript')).toBeVisible();
      await expect(page.locator('#root')).toHaveAttribute('data-prerendered', new RegExp(`^question/`));
      // Read, not answered, until the app has the page: a choice made before would be lost.
      await expect(page.locator('form.question-form')).toHaveAttribute('inert', '');
    }
  });

  for (const [lang, heading] of [
    ['en', 'Your results'],
    ['ja', '判定結果'],
  ] as const)
    test(`the results page reads its heading in ${lang}, and says the screening is being worked out`, async ({
      page,
    }) => {
      await page.goto(`/${lang}/results`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.getByRole('status')).toHaveText(/\S/);
      await expect(page.locator('.noscript')).toBeVisible();
      expect(await page.title()).toContain(heading);
    });

  test('the check and results addresses, and a question not in the catalogue, show the frame of the page', async ({
    page,
  }) => {
    for (const path of ['/ja/question/no_such_question', '/check', '/en/results']) {
      await page.goto(path);
      await expect(page.locator('header .header__service')).toBeVisible();
      await expect(page.locator('.noscript')).toBeVisible();
      await expect(page.locator('footer')).toBeAttached();
    }
  });
});

test.describe('with JavaScript', () => {
  for (const path of ['/ja/', '/en/', '/'])
    test(`${path}: the hydrated page has the prerendered text, without a warning`, async ({ page, browser }) => {
      // The HTML as it arrives, read in a browser without JavaScript.
      const off = await browser.newContext({ javaScriptEnabled: false });
      const raw = await off.newPage();
      await raw.goto(path);
      const prerendered = await textOf(raw, '#root');
      await off.close();

      const problems = recordProblems(page);
      await keepParsedHeading(page);
      await page.goto(path);
      // Hydrated: the language switch answers (it is a plain button until then); the texts of the
      // later pages arrive in the meantime.
      await page.waitForLoadState('networkidle');
      expect(await textOf(page, '#root')).toBe(prerendered);
      expect(await headingKept(page)).toBe(true);
      expect(problems).toEqual([]);
    });

  test('a share link to the results: the heading painted first stays, and the screening fills the page below it', async ({
    page,
  }) => {
    const problems = recordProblems(page);
    await keepParsedHeading(page);
    const fragment = await encodeShareFragment(carlos.answers);
    await page.goto(`/results${fragment}`);
    await expect(page.locator('article[data-rule-id="notified-3"]')).toHaveAttribute('data-verdict', 'eligible');
    // The same element the HTML parser made: hydrated, then filled, never drawn afresh.
    expect(await headingKept(page)).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your results');
    await expect(page.locator('.results-pending')).toHaveCount(0);
    // No second entry for the same page: Back leaves the results.
    expect(await page.evaluate(() => history.length)).toBe(2);
    expect(problems).toEqual([]);
  });

  for (const [path, lang] of [
    ['/results', 'en'],
    ['/ja/results', 'ja'],
  ] as const)
    test(`a share link to ${path}: the headline is drawn from the page's own texts, the language's text files held back`, async ({
      page,
    }) => {
      // The page carries the texts its headline reads (its seed): every text file is held back
      // until the headline is there, which it could not be if it needed one.
      const held: string[] = [];
      const release: (() => Promise<void>)[] = [];
      await page.route(/\/assets\/(?:en|ja)-(?:core|texts|details)-[\w-]+\.js$/, (route) => {
        held.push(new URL(route.request().url()).pathname);
        release.push(() => route.continue());
      });
      const problems = recordProblems(page);
      await page.goto(`${path}${await encodeShareFragment(carlos.answers)}`);
      await expect(page.locator('[data-section="headline"]')).toContainText('告示3号');
      // The rest of the texts are asked for after it; the interface texts never (the seed has them).
      await expect.poll(() => held.some((p) => p.includes(`/${lang}-details-`))).toBe(true);
      expect(held.filter((p) => p.includes(`/${lang}-core-`))).toEqual([]);
      await page.route(/\/assets\/(?:en|ja)-/, (route) => route.continue());
      for (const r of release.splice(0)) await r();
      await expect(page.locator('article[data-rule-id="notified-3"]')).toHaveAttribute('data-verdict', 'eligible');
      expect(problems).toEqual([]);
    });

  test('every kind of question hydrates from its prerendered page without a warning', async ({ page }) => {
    // A date, a select-all-that-apply and a yes/no question; once the rules are there (the progress
    // line is filled), a fresh visitor stays on a question asked from the start or is sent on to
    // the first question.
    const problems = recordProblems(page);
    for (const path of ['/en/question/birth_date', '/ja/question/circumstances', '/question/marriage_broken_down']) {
      await page.goto(path);
      await expect(page.locator('p.caption')).toHaveText(/\S/);
      await page.waitForLoadState('networkidle');
    }
    expect(problems).toEqual([]);
  });

  for (const path of ['/question/location', '/ja/question/location'])
    test(`${path}: the prerendered question hydrates without a warning, and its progress follows`, async ({ page }) => {
      const problems = recordProblems(page);
      await keepParsedHeading(page);
      await page.goto(path);
      // The progress line is empty in the HTML and filled once the rules are there.
      await expect(page.locator('p.caption')).toHaveText(/\S/);
      await page.waitForLoadState('networkidle');
      expect(await headingKept(page)).toBe(true);
      expect(problems).toEqual([]);
    });

  test('an answer given on a prerendered question before the rules arrive is kept, and a stored one is shown', async ({
    page,
  }) => {
    // The rules held back: the question shows, and answering waits for them (the page's loader
    // holds the click until the app is there, the app holds the answer until the rules are).
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/rules-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/question/location');
    await page.getByText('Outside Japan', { exact: true }).click();
    await page.getByRole('button', { name: T.en.continue }).click();
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await expect(page).toHaveURL(/\/question\/location$/);
    release();
    await expect(page).not.toHaveURL(/\/question\/location$/);
    // Back on the page after a reload: the stored answer is checked once the rules are there.
    await page.goto('/question/location');
    await expect(page.getByRole('radio', { name: 'Outside Japan' })).toBeChecked();
  });

  test('Back pressed on a reloaded question before the app is there goes to the previous question', async ({
    page,
  }) => {
    // The prerendered Back link points to the start page (the page cannot know the journey): the
    // loader holds the click until the app can follow it to the previous question.
    await page.goto('/question/location');
    await page.getByText('Outside Japan', { exact: true }).click();
    await page.getByRole('button', { name: T.en.continue }).click();
    await expect(page).not.toHaveURL(/\/question\/location$/);
    const url = page.url();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByRole('link', { name: T.en.back }).click();
    await expect(page.locator('html[data-ready]')).toHaveCount(0);
    expect(page.url()).toBe(url);
    release();
    await expect(page).toHaveURL(/\/question\/location$/);
    await expect(page.getByRole('radio', { name: 'Outside Japan' })).toBeChecked();
  });

  test('the language is in the address: switching keeps the form of the address and the answers', async ({ page }) => {
    const problems = recordProblems(page);
    await page.goto('/ja/');
    await page.getByRole('button', { name: T.ja.start }).click();
    await expect(page).toHaveURL(/\/ja\/question\/location$/);
    await page.locator('label[for="location-abroad"]').click();
    await page.getByRole('button', { name: T.ja.continue }).click();
    await expect(page).toHaveURL(/\/ja\/question\/[^/]+$/);
    const second = new URL(page.url()).pathname.split('/').pop();
    // Switching language changes the prefix and keeps the answers.
    await page.getByRole('navigation').getByRole('button', { name: 'English' }).click();
    await expect(page).toHaveURL(new RegExp(`/en/question/${second}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('link', { name: T.en.back }).click();
    await expect(page).toHaveURL(/\/en\/question\/location$/);
    await expect(page.locator('#location-abroad')).toBeChecked();
    expect(problems).toEqual([]);
  });

  test('the old forms of the address keep working: / and ?lang=', async ({ page }) => {
    await page.goto('/?lang=ja');
    await expect(page.getByRole('heading', { level: 1, name: HEADING.ja })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await page.getByRole('button', { name: T.ja.start }).click();
    await expect(page).toHaveURL(/\/question\/location\?lang=ja$/);
    await page.goto('/question/location');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto('/en/');
    await expect(page.getByRole('heading', { level: 1, name: HEADING.en })).toBeVisible();
  });

  test('the start page points to each language: hreflang alternates', async ({ request, baseURL }) => {
    for (const path of ['/', '/en/', '/ja/']) {
      const html = await (await request.get(path)).text();
      expect(html).toContain(`hreflang="en" href="${baseURL}/en/"`);
      expect(html).toContain(`hreflang="ja" href="${baseURL}/ja/"`);
      expect(html).toContain(`hreflang="x-default" href="${baseURL}/"`);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    }
  });
});
