// The results answer first (issue 11): the headline panel names the category, the application,
// where and by when, with one official link; a passed application window is said and its route is
// never green; a DV victim reads Long-Term Resident first, with the helplines as tel: links. In
// both languages, axe-clean, and within the first screen on a desktop and on a phone.
import { expect, test, type Page } from '@playwright/test';
import { screen } from '../src/engine';
import { ruleSet } from '../tests/support/rules';
import { axe, journey, loadPersonas, type Lang, type Persona } from './support';

const personas = loadPersonas();
const persona = (n: number) => personas.find((p) => p.persona === n)!;
const carlos = persona(1); // Nikkei grandson abroad: 告示3号, Certificate of Eligibility
const grace = persona(29); // DV victim, still married to a Japanese national
// A divorced mother: divorce 2 years 8 months before the screening date (Ivana's answers, persona 28).
const divorced: Persona = {
  ...persona(28),
  name: 'divorced 2 years 8 months ago',
  answers: { ...persona(28).answers, marriage_end_date: '2024-03-23', separation_date: '2024-03-23' },
};

// The engine's application windows (Screening.deadlines) for these answers: the 6 months after the
// separation, long passed. Checked first, so the browser test fails rather than tests nothing.
const hasWindow = screen(ruleSet, divorced.answers, divorced.asOf).deadlines.some(
  (d) => d.kind === 'apply' && d.passed && d.rules.includes('unspecified-divorce'),
);

test.describe.configure({ timeout: 90_000 });

const headline = (page: Page) => page.locator('[data-section="headline"]');

/** The top of an element is within the first screen, and (with `whole`) its bottom too. */
async function inFirstScreen(page: Page, selector: string, whole: boolean) {
  const box = await page.locator(selector).first().boundingBox();
  const height = page.viewportSize()!.height;
  expect(box, selector).not.toBeNull();
  expect(box!.y, `${selector} starts within the first screen`).toBeLessThan(height);
  if (whole) expect(box!.y + box!.height, `${selector} ends within the first screen`).toBeLessThanOrEqual(height);
}

for (const lang of ['en', 'ja'] as Lang[]) {
  test(`${lang}: Nikkei grandson abroad — 告示3号 and the Certificate of Eligibility, with its link, first`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await journey(page, carlos, lang);
    const h = headline(page);
    await expect(h).toBeVisible();
    const item = h.locator('[data-headline-rule="notified-3"]');
    await expect(item).toContainText('告示3号');
    await expect(item).toContainText(lang === 'en' ? 'Certificate of Eligibility' : '在留資格認定証明書');
    const link = item.locator('a.official-link__page');
    await expect(link).toHaveAttribute(
      'href',
      lang === 'en'
        ? 'https://www.moj.go.jp/isa/applications/procedures/16-1.html?hl=en'
        : 'https://www.moj.go.jp/isa/applications/procedures/16-1.html',
    );
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAttribute('target', '_blank');
    // No prefetch or preload of any official page.
    expect(
      await page.locator('link[rel="prefetch"], link[rel="preload"][href^="http"], link[rel="dns-prefetch"]').count(),
    ).toBe(0);
    // The headline comes before the disclaimer and the scrivener toggle.
    const order = await page.evaluate(() => {
      const pos = (s: string) => {
        const el = document.querySelector(s);
        return el ? [...document.querySelectorAll('*')].indexOf(el) : -1;
      };
      return { headline: pos('[data-section="headline"]'), disclaimer: pos('.disclaimer'), toggle: pos('.pro-toggle') };
    });
    expect(order.headline).toBeLessThan(order.disclaimer);
    expect(order.headline).toBeLessThan(order.toggle);

    // The headline and the first result card within the first screen on a 1280 × 900 desktop.
    await page.evaluate(() => window.scrollTo(0, 0));
    await inFirstScreen(page, '[data-section="headline"]', true);
    await inFirstScreen(page, 'article.category', false);
    // The headline within the first screen on a 390 × 844 phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await inFirstScreen(page, '[data-section="headline"] .headline__item', true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'scrolls sideways at 390 px').toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await axe(page, 'results with the headline');
  });

  test(`${lang}: DV victim — Long-Term Resident case by case, no spouse status, helplines as tel: links`, async ({
    page,
  }) => {
    await journey(page, grace, lang);
    // Her marriage has broken down, so 日本人の配偶者等 no longer fits (issue 9): no "another status"
    // group, the 定住者 result first, and the spouse status only among those that do not fit.
    const groups = await page
      .locator('section[data-group]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(groups[0]).toBe('caseByCase');
    expect(groups).not.toContain('redirect');
    const cards = await page
      .locator('section[data-group] article[data-rule-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
    expect(cards[0]).toBe('unspecified-marital-breakdown');
    expect(cards).not.toContain('redirect-spouse-child-of-japanese');
    const items = await headline(page)
      .locator('[data-headline-rule]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-headline-rule')));
    expect(items[0]).toBe('unspecified-marital-breakdown');
    // The national DV helplines, as tel: links, on the results page …
    const helplines = page.locator('[data-section="helplines"]');
    await expect(helplines.locator('a[href="tel:%238008"]')).toBeVisible();
    await expect(helplines.locator('a[href="tel:0120279889"]')).toBeVisible();
    await axe(page, 'results of the DV branch');
    // … and on the DV question itself, not inside a collapsed hint.
    await page.goto(`/question/dv_victim?lang=${lang}`);
    const onQuestion = page.locator('[data-section="helplines"]');
    await expect(onQuestion.locator('a[href="tel:%238008"]')).toBeVisible();
    await expect(onQuestion.locator('a[href="tel:0120279889"]')).toBeVisible();
    expect(await onQuestion.locator('xpath=ancestor::details').count()).toBe(0);
    await axe(page, 'the DV question with its helplines');
  });

  test(`${lang}: divorced 2 years 8 months ago — the headline names the passed window, no green card for it`, async ({
    page,
  }) => {
    expect(hasWindow, 'a passed application window for unspecified-divorce').toBe(true);
    await journey(page, divorced, lang);
    const item = headline(page).locator('[data-headline-rule="unspecified-divorce"]');
    await expect(item).toHaveAttribute('data-tone', 'late');
    await expect(item).toContainText(lang === 'en' ? '2 years 8 months' : '2年8か月');
    await expect(item.locator('a.official-link__page')).toHaveAttribute(
      'href',
      'https://www.gyosei.or.jp/members-search/',
    );
    const card = page.locator('article[data-rule-id="unspecified-divorce"]');
    await expect(card).not.toHaveAttribute('data-verdict', 'eligible');
    await expect(card.locator('.category__late')).toBeVisible();
    await axe(page, 'results with a passed window');
  });
}
