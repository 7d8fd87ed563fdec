// "Exit this page": a person in danger leaves in one keystroke without a trace in the tab.
// Grace (persona 29, DV) walks into the DV questions; the control appears on the first sensitive
// question, then the exit (button, or Shift three times) must leave the neutral page on screen,
// nothing of the tool in sessionStorage / localStorage, no tool page behind Back or Forward, and
// no request to another origin.
import { expect, test, type Page } from '@playwright/test';
import { answerQuestion, axe, factOf, freezeDate, type Lang, loadPersonas, T } from './support';

const grace = loadPersonas().find((p) => p.persona === 29)!;
const EXIT = { en: 'Exit this page', ja: 'このページからすぐに離れる' } as const;
const NEUTRAL_TITLE = 'Watering houseplants · 観葉植物の水やり';
// Sensitive questions on Grace's path (rules/facts.yaml `sensitive:`).
const SENSITIVE = /^(marriage_broken_down|dv_victim|refugee_.*|complementary_protection|household_member_qualifies)$/;

const isToolPage = (url: string) => {
  const u = new URL(url);
  return u.protocol.startsWith('http') && !/^\/(neutral\.html|robots\.txt)$/.test(u.pathname);
};

/** Records requests to any other origin and Content Security Policy reports. */
function watch(page: Page) {
  const own = new URL(test.info().project.use.baseURL!).origin;
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && u.origin !== own) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return { foreign, violations };
}

/**
 * Opens a same-origin non-tool page first (so Back has somewhere to go), starts the journey and
 * answers Grace's questions up to the first sensitive one; the control must not show before it.
 */
async function toFirstSensitive(page: Page, lang: Lang): Promise<string> {
  await freezeDate(page, grace.asOf);
  await page.goto('/robots.txt');
  await page.goto(`/?lang=${lang}`);
  await page.getByRole('button', { name: T[lang].start }).click();
  for (let i = 0; i < 40; i++) {
    await page.waitForURL(/\/question\//);
    const id = factOf(page)!;
    if (SENSITIVE.test(id)) {
      await expect(page.getByRole('button', { name: EXIT[lang] })).toBeVisible();
      return id;
    }
    await expect(page.locator('[data-quick-exit]')).toHaveCount(0);
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

/** The neutral page is on screen, the tool stored nothing, and no tool page is behind Back or Forward. */
async function expectLeftWithoutTrace(page: Page) {
  await page.waitForURL(/\/neutral\.html$/);
  await expect(page).toHaveTitle(NEUTRAL_TITLE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Watering houseplants');
  await expect(page.locator('body')).not.toContainText(/定住|Resident|immigration|在留/i);
  const keys = await page.evaluate(() => [...Object.keys(sessionStorage), ...Object.keys(localStorage)]);
  expect(keys.filter((k) => k.startsWith('teiju.'))).toEqual([]);

  // Back: the neutral page again (at most), then the page before the tool; never the tool.
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await page.goBack();
    seen.push(page.url());
    expect(isToolPage(page.url()), `Back landed on ${page.url()}`).toBe(false);
    await expect(page.locator('#root')).toHaveCount(0);
    if (!res && i > 0) break;
  }
  console.log(`Back after the exit: ${seen.join(' → ')}`);
  expect(seen).toContain(new URL('/robots.txt', test.info().project.use.baseURL).href);
  // Forward: nothing of the tool was left ahead either.
  for (let i = 0; i < 4; i++) {
    await page.goForward();
    expect(isToolPage(page.url()), `Forward landed on ${page.url()}`).toBe(false);
    await expect(page.locator('#root')).toHaveCount(0);
  }
  expect(page.url()).toMatch(/\/neutral\.html$/);
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
  expect(await page.evaluate(() => history.state as unknown)).toBeNull();
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
