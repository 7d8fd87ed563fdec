// The journey as people meet it: three personas through the browser ask the questions the engine's
// `next` gives (none an earlier answer rules out), progress by section that never goes up, a change
// from check your answers that says why it asks more and comes back, "Start again" that asks first,
// and the Start button in the first screen of a phone.
import { expect, test, type Page } from '@playwright/test';
import { closedQuestions, type Answers } from '../src/engine';
import { walk, personaAnswer } from '../tests/support/walk';
import { ruleSet } from '../tests/support/rules';
import { answerQuestion, freezeDate, loadPersonas, type Lang, T } from './support';

const personas = loadPersonas();
const byNumber = (n: number) => personas.find((p) => p.persona === n)!;

/** "Part 2 of 5: …" / "5つのうち2：…" as [part, of]. */
function partOf(caption: string, lang: Lang): [number, number] {
  const m = lang === 'en' ? /^Part (\d+) of (\d+): /.exec(caption) : /^(\d+)つのうち(\d+)：/.exec(caption);
  expect(m, `progress caption “${caption}”`).not.toBeNull();
  return lang === 'en' ? [Number(m![1]), Number(m![2])] : [Number(m![2]), Number(m![1])];
}

/** Walks the wizard from the start page, recording each question and its progress caption. */
async function walkInBrowser(page: Page, answers: Answers, asOf: string, lang: Lang) {
  await freezeDate(page, asOf);
  await page.goto(`/?lang=${lang}`);
  await page.getByRole('button', { name: T[lang].start }).click();
  const steps: { id: string; part: number; of: number }[] = [];
  for (let i = 0; i < 60; i++) {
    await page.waitForURL(/\/(question\/[^/?]+|check)(\?.*)?$/);
    if (new URL(page.url()).pathname === '/check') return steps;
    const caption = (await page.locator('.caption').textContent())!;
    const [part, of] = partOf(caption, lang);
    const before = page.url();
    const id = await answerQuestion(page, answers, asOf);
    steps.push({ id, part, of });
    await page.waitForURL((u) => u.href !== before);
  }
  throw new Error('still asking after 60 questions');
}

const journeys = [
  { n: 1, lang: 'en' as const, what: 'Nikkei grandson abroad' },
  { n: 26, lang: 'ja' as const, what: 'divorced mother in Japan' },
  { n: 29, lang: 'en' as const, what: 'DV victim' },
];

for (const j of journeys)
  test(`${j.what} (${j.lang}): the engine's questions, none ruled out, progress never going up`, async ({ page }) => {
    const p = byNumber(j.n);
    const steps = await walkInBrowser(page, p.answers, p.asOf, j.lang);
    // The same questions, in the same order, as `npm run screen -- FILE --json` gives in `next`.
    const expected = walk(ruleSet, p.asOf, (f) => personaAnswer(ruleSet, f, p.answers, p.asOf));
    expect(steps.map((s) => s.id)).toEqual(expected.asked);
    expect(steps.length).toBeLessThanOrEqual(18);
    // No question whose premise an earlier answer denies.
    const given: Answers = {};
    for (const s of steps) {
      expect(closedQuestions(ruleSet, given, p.asOf).has(s.id), `${s.id} after ${JSON.stringify(given)}`).toBe(false);
      given[s.id] = expected.answers[s.id]!;
    }
    // "Part k of N": N never goes up, k never goes down, k never above N.
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i]!.of, `${steps[i]!.id}`).toBeLessThanOrEqual(steps[i - 1]!.of);
      expect(steps[i]!.part).toBeGreaterThanOrEqual(steps[i - 1]!.part);
    }
    for (const s of steps) expect(s.part).toBeLessThanOrEqual(s.of);
    if (j.n === 29) {
      // DV right after the answer that raises it.
      const at = steps.findIndex((s) => s.id === 'marriage_broken_down');
      expect(steps[at + 1]!.id).toBe('dv_victim');
    }
  });

test('changing "Where are you now?" says why it asks more, goes on with Continue and returns to check your answers', async ({
  page,
}) => {
  const carlos = byNumber(1);
  await walkInBrowser(page, carlos.answers, carlos.asOf, 'en');
  await expect(page.getByRole('heading', { level: 1, name: T.en.check })).toBeVisible();
  await page
    .locator('[data-fact="location"]')
    .getByRole('link', { name: /^Change/ })
    .click();
  await page.locator('label[for="location-in_japan"]').click();
  await page.getByRole('button', { name: T.en.save }).click();
  let opened = 0;
  for (; opened < 40; opened++) {
    await page.waitForURL(/\/(question\/[^/?]+|check)(\?.*)?$/);
    if (new URL(page.url()).pathname === '/check') break;
    await expect(page.locator('.caption')).toHaveText(
      /^We need (another answer|up to \d+ more answers) because you changed your answer to “Where are you now\?”$/,
    );
    await expect(page.getByRole('button', { name: T.en.continue })).toBeVisible();
    await expect(page.getByRole('button', { name: T.en.save })).toHaveCount(0);
    const before = page.url();
    await answerQuestion(page, { ...carlos.answers, location: 'in_japan' }, carlos.asOf);
    await page.waitForURL((u) => u.href !== before);
  }
  expect(opened).toBeGreaterThan(0); // being in Japan opens questions (for example your status)
  await expect(page.getByRole('heading', { level: 1, name: T.en.check })).toBeVisible();
  await expect(page.locator('[data-fact="location"]')).toContainText('In Japan');
});

test('"Start again" asks first; Cancel keeps every answer', async ({ page }) => {
  const carlos = byNumber(1);
  await walkInBrowser(page, carlos.answers, carlos.asOf, 'en');
  await page.getByRole('button', { name: T.en.seeResults }).click();
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByText(/^Clear all \d+ answers\? This cannot be undone\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: T.en.results })).toBeVisible();
  await page.goto('/?lang=en');
  // The start page offers "Start again" too, with the same question first.
  await page.getByRole('button', { name: 'Start again' }).click();
  await page.getByRole('button', { name: 'Yes, clear' }).click();
  await expect(page.getByText('Your answers have been cleared')).toBeVisible();
  await expect(page.getByRole('button', { name: T.en.start })).toBeVisible();
});

for (const lang of ['en', 'ja'] as const)
  test(`the Start button is in the first screen of a 390 × 844 phone (${lang}); focus stays on the language switch`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/?lang=${lang}`);
    const start = page.getByRole('button', { name: T[lang].start });
    const box = (await start.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await page.locator('header').getByRole('button', { name: T[lang].switchTo }).click();
    const other = lang === 'en' ? 'ja' : 'en';
    await expect(page.getByRole('button', { name: T[other].start })).toBeVisible();
    await expect(page.locator(':focus')).toHaveAttribute('aria-current', 'true');
    await expect(page.locator(':focus')).toHaveText(T[lang].switchTo);
  });

test('a question an earlier answer rules out is not shown as needed on /questions', async ({ page }) => {
  const mai = byNumber(26);
  await walkInBrowser(page, mai.answers, mai.asOf, 'en');
  await page.goto('/questions?lang=en');
  // Divorced: the breakdown question presupposes a marriage still going.
  await expect(page.locator('[data-fact="marriage_broken_down"]')).toHaveAttribute('data-status', 'gated');
});
