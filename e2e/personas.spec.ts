// Persona journeys (tests/personas/), end to end in both languages, on the production build.
import { expect, test } from '@playwright/test';
import { journey, loadPersonas, shownResults, type Lang } from './support';

// Every persona in English; a spread of them (notified, 告示外, redirects, near miss, none) in Japanese.
const JA = [1, 4, 5, 9, 13, 17, 21, 26, 28, 30, 33, 40];
const all = loadPersonas();

test('the personas are there', () => {
  expect(all.length).toBeGreaterThanOrEqual(45);
  expect(all.filter((p) => JA.includes(p.persona)).map((p) => p.persona)).toEqual(JA);
});

for (const lang of ['en', 'ja'] as Lang[])
  for (const p of lang === 'en' ? all : all.filter((x) => JA.includes(x.persona)))
    test(`${lang} · persona ${p.persona}: ${p.name}`, async ({ page }) => {
      await journey(page, p, lang);
      expect(await shownResults(page)).toEqual({ eligible: [...p.eligible].sort(), possible: [...p.possible].sort() });
      for (const [id, date] of Object.entries(p.nearMiss)) {
        const card = page.locator(`article[data-rule-id="${id}"]`);
        await expect(card).toHaveAttribute('data-verdict', 'not_eligible');
        const [y, m, d] = date.split('-').map(Number);
        await expect(card).toContainText(lang === 'ja' ? `${y}年${m}月${d}日` : `${d} `);
      }
      // Redirects that fit come first on the page.
      if (p.eligible.some((id) => id.startsWith('redirect-')))
        await expect(page.locator('section[data-group]').first()).toHaveAttribute('data-group', 'redirect');
      // Nothing fits: the page says so.
      if (!p.eligible.length && !p.possible.length) await expect(page.locator('[data-group="none"]')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
    });
