// "Exit this page": a person in danger leaves in one keystroke without a trace in the tab.
// Grace (persona 29, DV) walks into the DV questions; the control is on every page from the
// start, sensitive questions have a neutral title, and the exit (button, or Shift three times)
// must leave an ordinary site on screen, nothing of the tool in sessionStorage / localStorage,
// no tool page behind Back or Forward, and no request to another origin. The destination (the
// build's default VITE_EXIT_URL, a weather site) is route-fulfilled here: it never leaves the
// machine. Every way a page of the tool can be opened afresh is covered: a typed address, a
// share link in the same tab, a reload on every kind of page, the browser's Back and Forward.
import { expect, test, type Page } from '@playwright/test';
import { encodeShareFragment } from '../src/app/state/transfer';
import { answerQuestion, axe, factOf, freezeDate, type Lang, loadPersonas, T } from './support';

const grace = loadPersonas().find((p) => p.persona === 29)!;
const EXIT = { en: 'Exit this page', ja: 'このページからすぐに離れる' } as const;
/** The build's exit destination (DEFAULT_EXIT_URL in src/app/state/quickExit.ts: no VITE_EXIT_URL is set). */
const EXIT_URL = 'https://tenki.jp/';
const NEUTRAL_TITLE = 'Watering houseplants · 観葉植物の水やり';
const EXIT_TITLE = 'Weather forecast';
const SENSITIVE_TITLE = { en: 'Question — residence screening', ja: '質問 — 在留資格の確認' } as const;

// The exit's destination, served here: no request reaches the real site.
test.beforeEach(async ({ context }) => {
  await context.route(`${EXIT_URL}**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>${EXIT_TITLE}</title><h1>${EXIT_TITLE}</h1><p>Sunny.</p></html>`,
    }),
  );
});
// Sensitive questions on Grace's path (rules/facts.yaml `sensitive:`).
const SENSITIVE = /^(marriage_broken_down|dv_victim|refugee_.*|complementary_protection|household_member_qualifies)$/;

const own = () => new URL(test.info().project.use.baseURL!).origin;
const isToolPage = (url: string) => {
  const u = new URL(url);
  return u.origin === own() && !/^\/(neutral\.html|robots\.txt)$/.test(u.pathname);
};

/** Records requests to any other origin and Content Security Policy reports. */
function watch(page: Page) {
  const own = new URL(test.info().project.use.baseURL!).origin;
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    // The exit's destination is route-fulfilled above: it never leaves the machine.
    if (u.protocol.startsWith('http') && u.origin !== own && !r.url().startsWith(EXIT_URL)) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return { foreign, violations };
}

/**
 * Opens a same-origin non-tool page first (so Back has somewhere to go), starts the journey and
 * answers Grace's questions up to the first sensitive one; the control shows on every page.
 */
async function toFirstSensitive(page: Page, lang: Lang): Promise<string> {
  await freezeDate(page, grace.asOf);
  await page.goto('/robots.txt');
  await page.goto(`/?lang=${lang}`);
  await expect(page.getByRole('button', { name: EXIT[lang] })).toBeVisible();
  await page.getByRole('button', { name: T[lang].start }).click();
  for (let i = 0; i < 40; i++) {
    await page.waitForURL(/\/question\//);
    const id = factOf(page)!;
    await expect(page.getByRole('button', { name: EXIT[lang] })).toBeVisible();
    if (SENSITIVE.test(id)) {
      // The tab's title, and so the browser's history, does not name the topic.
      await expect(page).toHaveTitle(SENSITIVE_TITLE[lang]);
      return id;
    }
    await expect(page).not.toHaveTitle(SENSITIVE_TITLE[lang]);
    const before = page.url();
    await answerQuestion(page, grace.answers);
    await page.waitForURL((u) => u.href !== before);
  }
  throw new Error('no sensitive question reached');
}

/** Answers `n` more questions; the control stays on each page. */
async function answerMore(page: Page, lang: Lang, n: number) {
  for (let i = 0; i < n; i++) {
    const before = page.url();
    await answerQuestion(page, grace.answers);
    await page.waitForURL((u) => u.href !== before);
    await expect(page.getByRole('button', { name: EXIT[lang] })).toBeVisible();
  }
}

/** Starts Grace's journey after a non-tool page and answers `n` questions. */
async function startJourney(page: Page, n: number) {
  await freezeDate(page, grace.asOf);
  await page.goto('/robots.txt');
  await page.goto('/?lang=en');
  await page.getByRole('button', { name: T.en.start }).click();
  await page.waitForURL(/\/question\//);
  await answerMore(page, 'en', n);
}

/**
 * The ordinary site is on screen, the tool stored nothing, and no tool page is behind Back or
 * Forward: Back shows the neutral page (the tool's first entry, renamed) at most, then the page
 * before the tool.
 */
async function expectLeftWithoutTrace(page: Page) {
  await page.waitForURL(EXIT_URL);
  await expect(page).toHaveTitle(EXIT_TITLE);
  const seen: string[] = [];
  const robots = new URL('/robots.txt', test.info().project.use.baseURL).href;
  for (let i = 0; i < 6 && page.url() !== robots; i++) {
    await page.goBack();
    seen.push(page.url());
    expect(isToolPage(page.url()), `Back landed on ${page.url()} (${seen.join(' → ')})`).toBe(false);
    await expect(page.locator('#root')).toHaveCount(0);
    if (page.url().endsWith('/neutral.html')) {
      await expect(page).toHaveTitle(NEUTRAL_TITLE);
      await expect(page.locator('body')).not.toContainText(/定住|Resident|immigration|在留/i);
      const keys = await page.evaluate(() => [...Object.keys(sessionStorage), ...Object.keys(localStorage)]);
      expect(keys.filter((k) => k.startsWith('teiju.'))).toEqual([]);
    }
  }
  console.log(`Back after the exit: ${seen.join(' → ')}`);
  expect(seen.at(-1)).toBe(robots);
  expect(seen.filter((u) => u !== robots).every((u) => u.endsWith('/neutral.html'))).toBe(true);
  // Forward: nothing of the tool was left ahead either.
  for (let i = 0; i < 6 && page.url() !== EXIT_URL; i++) {
    await page.goForward();
    expect(isToolPage(page.url()), `Forward landed on ${page.url()}`).toBe(false);
    await expect(page.locator('#root')).toHaveCount(0);
  }
  expect(page.url()).toBe(EXIT_URL);
}

async function exitNow(page: Page, how: 'button' | 'shift' = 'button') {
  await expect(page.getByRole('button', { name: EXIT.en })).toBeVisible();
  if (how === 'button') await page.getByRole('button', { name: EXIT.en }).click();
  else for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await expectLeftWithoutTrace(page);
}

test('en: the button leaves for the neutral page without a trace', async ({ page }, info) => {
  const { foreign, violations } = watch(page);
  const first = await toFirstSensitive(page, 'en');
  expect(first).toBe('marriage_broken_down');
  // Right after the skip link in the tab order (from the top of a freshly loaded page).
  await page.reload();
  await expect(page.getByRole('button', { name: EXIT.en })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: EXIT.en })).toBeFocused();
  await axe(page, 'a sensitive question with the exit control');
  await answerMore(page, 'en', 2);
  // Sticky on a phone: still on screen at the bottom of a long page.
  await page.setViewportSize({ width: 360, height: 640 });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.getByRole('button', { name: EXIT.en })).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath('exit-360.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('button', { name: EXIT.en }).click();
  await expectLeftWithoutTrace(page);
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});

test('the neutral page of this site is the fallback destination, and says nothing of the tool', async ({ page }) => {
  await page.goto('/neutral.html');
  await expect(page).toHaveTitle(NEUTRAL_TITLE);
  await expect(page.locator('body')).not.toContainText(/定住|Resident|immigration|在留/i);
});

test('Shift pressed three times leaves the same way; Shift with a letter does not', async ({ page }) => {
  const { foreign, violations } = watch(page);
  await toFirstSensitive(page, 'en');
  await answerMore(page, 'en', 3);
  const url = page.url();
  await page.keyboard.press('Shift+A');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  await page.waitForTimeout(1000); // the two presses run out
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expectLeftWithoutTrace(page);
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});

test('after a reload mid-journey, the exit still leaves no tool page behind', async ({ page }) => {
  await toFirstSensitive(page, 'en');
  await answerMore(page, 'en', 2);
  await page.reload();
  await expect(page.getByRole('button', { name: EXIT.en })).toBeVisible();
  await answerMore(page, 'en', 2);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expectLeftWithoutTrace(page);
});

test('from the first page, after going Back through the journey, the pages ahead are dropped too', async ({ page }) => {
  await toFirstSensitive(page, 'en');
  await answerMore(page, 'en', 2);
  // Back to the start page (the tool's first entry): the control stays on screen.
  while (new URL(page.url()).pathname !== '/') await page.goBack();
  await expect(page.getByRole('button', { name: EXIT.en })).toBeVisible();
  expect(await page.evaluate(() => history.state as unknown)).toEqual({ teijuDepth: 0 });
  await page.getByRole('button', { name: EXIT.en }).click();
  await expectLeftWithoutTrace(page);
});

test('ja: the control in Japanese, no axe violations, and the exit', async ({ page }, info) => {
  const { foreign } = watch(page);
  await toFirstSensitive(page, 'ja');
  await expect(page.getByText('Shift キーを3回押しても離れられます', { exact: false })).toBeVisible();
  await axe(page, 'a sensitive question with the exit control (ja)');
  await page.screenshot({ path: info.outputPath('exit-ja-1280.png') });
  await page.getByRole('button', { name: EXIT.ja }).click();
  await expectLeftWithoutTrace(page);
  expect(foreign).toEqual([]);
});

test('the neutral page itself passes axe', async ({ page }) => {
  await page.goto('/neutral.html');
  await axe(page, 'the neutral page');
});

// ── Fresh loads: every way a page of the tool is opened anew in the same tab ──

test('a typed address mid-journey (/results): no tool page behind Back', async ({ page }) => {
  await startJourney(page, 3);
  await page.goto('/results');
  await exitNow(page);
});

test('a share link opened in the same tab, on another page of the tool', async ({ page }) => {
  await startJourney(page, 2);
  const fragment = await encodeShareFragment({ location: 'in_japan', birth_date: '1990-04-01' });
  await page.goto(`/${fragment}`);
  await exitNow(page);
});

test('a share link opened on the page it points to (same document, only the fragment changes)', async ({ page }) => {
  await startJourney(page, 2);
  const fragment = await encodeShareFragment({ location: 'in_japan', birth_date: '1990-04-01' });
  await page.goto(`${page.url().split('#')[0]}${fragment}`);
  await exitNow(page, 'shift');
});

const KINDS: [string, string][] = [
  ['start', '/'],
  ['question', ''], // the question the journey stands on
  ['check', '/check'],
  ['results', '/results'],
  ['sheet', '/sheet'],
  ['questions', '/questions'],
  ['save', '/save'],
  ['not found', '/nowhere'],
];
for (const [kind, path] of KINDS)
  test(`a reload on the ${kind} page, opened by a typed address: no tool page behind Back`, async ({ page }) => {
    await startJourney(page, 2);
    if (path) await page.goto(path);
    await page.reload();
    await exitNow(page);
  });

test("after the browser's Back and Forward within the tool", async ({ page }) => {
  await startJourney(page, 4);
  await page.goBack();
  await page.goBack();
  await page.goForward();
  await page.reload();
  await exitNow(page);
});

test('after Back out of the tool and Forward into it again', async ({ page }) => {
  await startJourney(page, 3);
  while (new URL(page.url()).pathname !== '/robots.txt') await page.goBack();
  await page.goForward();
  await page.goForward();
  // Shift before the app has taken the page over is the loader's (tests/app/after-paint-loader.test.ts);
  // here, the app's own shortcut on a page that came back through Forward.
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await exitNow(page, 'shift');
});
