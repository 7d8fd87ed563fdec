// Accessibility (axe: WCAG 2.0/2.1 A and AA) on the start page, a question page showing an error,
// check your answers and a results page, in both languages; screenshots at 360 px and desktop.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { answerAll, axe, freezeDate, type Lang, loadPersonas, T } from './support';

const personas = loadPersonas();
const mai = personas.find((p) => p.persona === 26)!; // a 告示外 match, in Japan
const luis = personas.find((p) => p.persona === 4)!; // a redirect

async function shoot(page: Page, info: TestInfo, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    // Usable at 360 px: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: info.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

for (const lang of ['en', 'ja'] as Lang[]) {
  test(`${lang}: start, question with errors, check, results — no axe violations`, async ({ page }, info) => {
    test.setTimeout(90_000);
    await freezeDate(page, mai.asOf);
    await page.goto(`/?lang=${lang}`);
    await axe(page, 'start page');
    await shoot(page, info, `${lang}-1-start`);

    await page.getByRole('button', { name: T[lang].start }).click();
    await page.getByRole('button', { name: T[lang].continue }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await axe(page, 'question page with an error');
    await shoot(page, info, `${lang}-2-question-error`);

    // A date question with an impossible date.
    await page.goto(`/question/birth_date?lang=${lang}`);
    await page.locator('#birth_date-year').fill('2023');
    await page.locator('#birth_date-month').fill('2');
    await page.locator('#birth_date-day').fill('30');
    await page.getByRole('button', { name: T[lang].continue }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(page.locator('#birth_date-day')).toHaveAttribute('aria-invalid', 'true');
    await axe(page, 'date question with an error');
    await shoot(page, info, `${lang}-3-date-error`);

    await page.goto(`/?lang=${lang}`);
    await page.getByRole('button', { name: T[lang].start }).click();
    await answerAll(page, mai.answers);
    await axe(page, 'check your answers');
    await shoot(page, info, `${lang}-4-check`);

    await page.getByRole('button', { name: T[lang].seeResults }).click();
    await expect(page.locator('article[data-verdict="eligible"]').first()).toBeVisible();
    await axe(page, 'results');
    await page.locator('[data-group="notEligible"] summary').click();
    await axe(page, 'results with the not-eligible list open');
    await shoot(page, info, `${lang}-5-results`);
  });

  test(`${lang}: a redirect result and the header controls — no axe violations`, async ({ page }, info) => {
    await freezeDate(page, luis.asOf);
    await page.goto(`/?lang=${lang}`);
    await page.getByRole('button', { name: T[lang].start }).click();
    await answerAll(page, luis.answers);
    await page.getByRole('button', { name: T[lang].seeResults }).click();
    await expect(page.locator('section[data-group="redirect"]')).toBeVisible();
    await axe(page, 'results with a redirect');
    await shoot(page, info, `${lang}-6-redirect`);
    await page
      .locator('header')
      .getByRole('button', { name: lang === 'en' ? 'Clear my answers' : '回答を消去' })
      .click();
    await axe(page, 'clear confirmation');
    await shoot(page, info, `${lang}-7-clear-confirm`);
  });
}
