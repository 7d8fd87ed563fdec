// Drives the wizard like a person would: on each question page, answer from a persona's map of
// answers (tests/personas/*.yaml); a question the map does not answer gets "I don't know".
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { Answers } from '../src/engine/types';
import { chosenOf } from '../src/engine/answers';
import { loadPersonas, type Persona } from '../tests/support/cases';
import { ruleSet } from '../tests/support/rules';
import { personaAnswer } from '../tests/support/walk';

export type Lang = 'en' | 'ja';

// The personas, as the unit tests read them.
export { loadPersonas, type Persona };

export const T = {
  en: {
    start: 'Start now',
    seeResults: 'See your results',
    back: 'Back',
    check: 'Check your answers',
    results: 'Your results',
    switchTo: '日本語',
    change: 'Change',
    save: 'Save and go back to your answers',
    continue: 'Continue',
  },
  ja: {
    start: 'はじめる',
    seeResults: '結果を見る',
    back: '戻る',
    check: '回答の確認',
    results: '判定結果',
    switchTo: 'English',
    change: '変更',
    save: '保存して回答の確認に戻る',
    continue: '次へ',
  },
} as const;

/** Fixes the browser's clock to the persona's as-of date (the app screens as of "today"). */
export async function freezeDate(page: Page, asOf: string) {
  await page.clock.setFixedTime(new Date(`${asOf}T10:00:00`));
}

export function factOf(page: Page): string | undefined {
  const m = /\/question\/([A-Za-z0-9_-]+)/.exec(new URL(page.url()).pathname);
  return m?.[1];
}

/**
 * Answers the question on screen from `answers`; returns the fact id. A question the map is silent
 * on is answered as the walk tests answer it (tests/support/walk.ts): an overview from what the
 * details say, else "I don't know" where allowed.
 */
export async function answerQuestion(page: Page, answers: Answers, asOf = '2026-11-23'): Promise<string> {
  const form = page.locator('form.question-form');
  await expect(form).toBeVisible();
  const id = (await form.getAttribute('data-fact'))!;
  const type = (await form.getAttribute('data-type'))!;
  const fact = ruleSet.facts.find((f) => f.id === id)!;
  const value = answers[id] ?? personaAnswer(ruleSet, fact, answers, asOf);
  if (type === 'date') {
    if (value === 'unknown') await page.locator(`label[for="${id}-unknown"]`).click();
    else {
      const [y, m, d] = String(value).split('-');
      await page.locator(`#${id}-year`).fill(y!);
      await page.locator(`#${id}-month`).fill(String(Number(m)));
      await page.locator(`#${id}-day`).fill(String(Number(d)));
    }
  } else if (type === 'number') {
    if (value === 'unknown') await page.locator(`label[for="${id}-unknown"]`).click();
    else await page.locator(`#${id}-value`).fill(String(value));
  } else if (type === 'multi') {
    for (const o of chosenOf(String(value))) await page.locator(`label[for="${id}-${o}"]`).click();
    if (value === 'none') await page.locator(`label[for="${id}-none"]`).click();
  } else {
    await page.locator(`label[for="${id}-${value}"]`).click();
  }
  await form.locator('button[type="submit"]').click();
  return id;
}

/** Answers questions until the check-your-answers page; returns the facts asked, in order. */
export async function answerAll(page: Page, answers: Answers, limit = 120, asOf?: string): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.waitForURL(/\/(question\/[^/?]+|check)(\?.*)?$/);
    if (new URL(page.url()).pathname === '/check') return asked;
    const before = page.url();
    asked.push(await answerQuestion(page, answers, asOf));
    await page.waitForURL((u) => u.href !== before);
  }
  throw new Error(`still asking after ${limit} questions: ${asked.join(', ')}`);
}

/** The categories shown on the results page, by verdict. */
export async function shownResults(page: Page) {
  await resultsDrawn(page);
  const ids = async (verdict: string) =>
    (
      await page
        .locator(`article[data-verdict="${verdict}"]`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id') ?? ''))
    ).sort();
  return { eligible: await ids('eligible'), possible: await ids('possible') };
}

/**
 * Waits until the results page has drawn its categories: its heading shows before the screening
 * (prerendered, for a share link or a reload) and the headline before the details (a deferred
 * render), so the heading alone does not say the categories are there.
 */
export async function resultsDrawn(page: Page) {
  await page.locator('.summary-counts').waitFor();
}

/** A whole journey: start page → questions → check your answers → results. */
export async function journey(page: Page, p: Persona, lang: Lang) {
  await freezeDate(page, p.asOf);
  await page.goto(`/?lang=${lang}`);
  await page.getByRole('button', { name: T[lang].start }).click();
  const asked = await answerAll(page, p.answers, 120, p.asOf);
  await expect(page.getByRole('heading', { level: 1, name: T[lang].check })).toBeVisible();
  await page.getByRole('button', { name: T[lang].seeResults }).click();
  await expect(page.getByRole('heading', { level: 1, name: T[lang].results })).toBeVisible();
  await resultsDrawn(page);
  return asked;
}

/** Asserts that a question page shows `value` as the current answer. */
export async function expectAnswer(page: Page, id: string, value: string | number) {
  const type = await page.locator('form.question-form').getAttribute('data-type');
  if (type === 'date' && value !== 'unknown') {
    const [y, m, d] = String(value).split('-');
    await expect(page.locator(`#${id}-year`)).toHaveValue(y!);
    await expect(page.locator(`#${id}-month`)).toHaveValue(String(Number(m)));
    await expect(page.locator(`#${id}-day`)).toHaveValue(String(Number(d)));
  } else if (type === 'date' || type === 'number') await expect(page.locator(`#${id}-unknown`)).toBeChecked();
  else await expect(page.locator(`#${id}-${value}`)).toBeChecked();
}

/** The language switch in the page header. */
export function switchTo(page: Page, name: 'English' | '日本語') {
  return page.locator('header').getByRole('button', { name }).click();
}

/** axe (WCAG 2.0/2.1 A and AA) on the page as it is: fails with each rule and the elements it found. */
export async function axe(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}
