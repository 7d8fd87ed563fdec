// The scrivener view (行政書士向け表示): the toggle, the ids, full citations and traces it reveals,
// the "as of" date that re-screens the answers, and every question on one page.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { screen as screenRules } from '../../src/engine/evaluate';
import { closedQuestions } from '../../src/engine/premises';
import { nextQuestions } from '../../src/engine/questions';
import type { Answers } from '../../src/engine/types';
import { ASOF_KEY, PRO_KEY } from '../../src/app/state/scrivener';
import { STORAGE_KEY } from '../../src/app/state/storage';
import { loadPersonas } from '../support/cases';
import { CARLOS } from './carlos';
import { ASOF, en, memoryStorage, renderApp, ruleSet, text } from './helpers';

const personas = loadPersonas();
const persona = (n: number) => personas.find((p) => p.persona === n)!;
const card = (id: string) =>
  document.querySelector<HTMLElement>(`article[data-rule-id="${id}"], .not-eligible[data-rule-id="${id}"]`);
const TOGGLE = 'Scrivener view (行政書士向け表示)';

function countLines(lines: { children: unknown[] }[]): number {
  return lines.reduce((n, l) => n + 1 + countLines(l.children as { children: unknown[] }[]), 0);
}

// These render every category's full trace: more than the default 5 s on a loaded machine.
describe('scrivener view toggle', { timeout: 20_000 }, () => {
  it('reveals rule ids, full citations with source keys and every condition; remembered in the tab', async () => {
    const storage = memoryStorage();
    const { user, unmount } = renderApp({ path: '/results', answers: CARLOS, storage });
    const toggle = screen.getByRole('button', { name: TOGGLE });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const c = card('notified-3')!;
    expect(c.querySelector('.pro-id')).toBeNull();
    expect(c).not.toHaveTextContent('Sources:');
    // Not eligible: only the failing lines.
    const results = screenRules(ruleSet, CARLOS, ASOF).results;
    const n4 = results.find((r) => r.id === 'notified-4')!;
    expect(n4.verdict).toBe('not_eligible');
    const before = card('notified-4')!.querySelectorAll('.trace__line').length;
    expect(before).toBeLessThan(countLines(n4.trace));

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(storage.getItem(PRO_KEY)).toBe('1');
    // Rule id, condition ids, the citation with its source keys.
    expect(within(c).getByText('notified-3', { selector: 'code' })).toBeInTheDocument();
    expect(within(c).getByText('parent-born-to-japanese', { selector: 'code' })).toBeInTheDocument();
    expect(c).toHaveTextContent('Sources: S55, S80, S81, S35');
    // A line with its own citation (not born a child of a Japanese national: the statuses table).
    const own = c.querySelector('[data-truth] .trace__cite');
    expect(own).toHaveTextContent(/^Source: .*Sources: S55, S54, S35, S8/);
    // Every condition of a category that does not fit, met ones included.
    const after = card('notified-4')!;
    expect(after.querySelectorAll('.trace__line')).toHaveLength(countLines(n4.trace));
    expect(after.querySelector('.trace__line--met')).not.toBeNull();
    expect(within(after).getByText('notified-4', { selector: 'code' })).toBeInTheDocument();
    // The document checklist names document, rule and condition ids.
    const doc = document.querySelector('[data-section="checklist"] [data-doc="ancestor-koseki"]')!;
    expect(within(doc as HTMLElement).getByText('ancestor-koseki', { selector: 'code' })).toBeInTheDocument();

    // A reload keeps the view on.
    unmount();
    renderApp({ path: '/results', storage });
    expect(screen.getByRole('button', { name: TOGGLE })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('heading', { name: 'Scrivener view' })).toBeInTheDocument();
  });

  it('shows the question ids beside the answers on check your answers', () => {
    renderApp({ path: '/check', answers: CARLOS, storage: memoryStorage({ [PRO_KEY]: '1' }) });
    const row = document.querySelector<HTMLElement>('[data-fact="birth_date"]')!;
    expect(within(row).getByText('birth_date', { selector: 'code' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All questions on one page' })).toHaveAttribute('href', '/questions');
  });
});

describe('as-of date', { timeout: 20_000 }, () => {
  // Mariana (persona 5): a fine paid on 23 November 2023 counts for 5 years; 告示3号 fits from 24 November 2028.
  const mariana = persona(5);

  async function setAsOf(user: ReturnType<typeof renderApp>['user'], y: string, m: string, d: string) {
    // The form loads when the scrivener view is first shown.
    await screen.findByRole('button', { name: 'Screen as of this date' });
    for (const [part, v] of [
      ['Year', y],
      ['Month', m],
      ['Day', d],
    ] as const) {
      const field = within(document.querySelector<HTMLElement>('.as-of-form')!).getByLabelText(part);
      await user.clear(field);
      if (v) await user.type(field, v);
    }
    await user.click(screen.getByRole('button', { name: 'Screen as of this date' }));
  }

  it('re-screens the answers on the date chosen, says so wherever the results are, and remembers it', async () => {
    const storage = memoryStorage({ [PRO_KEY]: '1' });
    const { user } = renderApp({ path: '/results', answers: mariana.answers, storage });
    expect(card('notified-3')).toHaveAttribute('data-verdict', 'not_eligible');
    expect(document.querySelector('.as-of-notice')).toBeNull();

    // The day of the fifth anniversary is not yet enough (counted from the next day, 民法140条).
    await setAsOf(user, '2028', '11', '23');
    expect(card('notified-3')).toHaveAttribute('data-verdict', 'not_eligible');
    await setAsOf(user, '2028', '11', '24');
    expect(card('notified-3')).toHaveAttribute('data-verdict', 'eligible');
    expect(screen.getByRole('status')).toHaveTextContent('The results are now screened as of 24 November 2028.');
    expect(document.querySelector('.as-of-notice')).toHaveTextContent(
      'Screened as of 24 November 2028, a date chosen in the scrivener view — not today (23 November 2026).',
    );
    expect(document.querySelector('.meta')).toHaveTextContent('Screened as of 24 November 2028');
    expect(storage.getItem(ASOF_KEY)).toBe('2028-11-24');

    // Turning the view off keeps the date, and says so.
    await user.click(screen.getByRole('button', { name: TOGGLE }));
    expect(document.querySelector('.as-of-form')).toBeNull();
    expect(document.querySelector('.as-of-notice')).toHaveTextContent('24 November 2028');
    expect(card('notified-3')).toHaveAttribute('data-verdict', 'eligible');
    await user.click(screen.getByRole('button', { name: TOGGLE }));

    // Back to today.
    await user.click(screen.getByRole('button', { name: "Use today's date" }));
    expect(card('notified-3')).toHaveAttribute('data-verdict', 'not_eligible');
    expect(document.querySelector('.as-of-notice')).toBeNull();
    expect(storage.getItem(ASOF_KEY)).toBeNull();
  });

  it('refuses a date that is not real, or before an answered date, with an error summary; nothing changes', async () => {
    const storage = memoryStorage({ [PRO_KEY]: '1' });
    const { user } = renderApp({ path: '/results', answers: mariana.answers, storage });

    await setAsOf(user, '2027', '2', '30');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('There is a problem');
    expect(alert).toHaveTextContent('The date must be a real date');
    expect(alert).toHaveFocus();
    const day = screen.getByLabelText('Day');
    expect(day).toHaveAttribute('aria-invalid', 'true');
    expect(day).toHaveValue('30'); // what was typed stays
    expect(document.querySelector('.meta')).toHaveTextContent('Screened as of 23 November 2026');
    expect(storage.getItem(ASOF_KEY)).toBeNull();

    // The link in the summary moves focus to the field.
    await user.click(within(alert).getByRole('link'));
    expect(day).toHaveFocus();

    await setAsOf(user, '', '', '');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter the date');

    await setAsOf(user, '27', '1', '1');
    expect(screen.getByRole('alert')).toHaveTextContent('The year must have 4 numbers');

    // Before the date of birth: the answers would contradict the date they are screened on.
    await setAsOf(user, '1990', '1', '1');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The date must be the same as or after your date of birth (20 February 1993), which is already answered',
    );
    expect(storage.getItem(ASOF_KEY)).toBeNull();
    expect(card('notified-3')).toHaveAttribute('data-verdict', 'not_eligible');

    // A good date clears the error.
    await setAsOf(user, '2029', '1', '1');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(storage.getItem(ASOF_KEY)).toBe('2029-01-01');
  });

  it('is read back on reload (a bad stored value is ignored) and cleared with the answers', async () => {
    const { unmount } = renderApp({
      path: '/results',
      answers: mariana.answers,
      storage: memoryStorage({ [ASOF_KEY]: '2027-02-30' }),
    });
    expect(document.querySelector('.meta')).toHaveTextContent('Screened as of 23 November 2026');
    unmount();

    const storage = memoryStorage({ [ASOF_KEY]: '2028-11-24', [PRO_KEY]: '1' });
    const { user } = renderApp({ path: '/results', answers: mariana.answers, storage });
    expect(card('notified-3')).toHaveAttribute('data-verdict', 'eligible');
    expect(document.querySelector('.as-of-notice')).toHaveTextContent('24 November 2028');

    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await user.click(screen.getByRole('button', { name: 'Yes, clear' }));
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(storage.getItem(ASOF_KEY)).toBeNull();
    // The view itself is a display preference, like the language: it stays on.
    expect(storage.getItem(PRO_KEY)).toBe('1');
  });
});

describe('all questions on one page', () => {
  it('lists every question of the catalogue, grouped, with the answer or why there is none', () => {
    // Diego (persona 22): no Japanese ancestor, so the lineage questions are not asked.
    const diego = persona(22);
    renderApp({ path: '/questions', answers: diego.answers, storage: memoryStorage({ [PRO_KEY]: '1' }) });
    expect(screen.getByRole('heading', { level: 1, name: 'All questions' })).toBeInTheDocument();
    const rows = [...document.querySelectorAll<HTMLElement>('[data-fact]')];
    expect(rows.map((r) => r.dataset.fact).sort()).toEqual(ruleSet.facts.map((f) => f.id).sort());
    for (const section of [
      'About you',
      'Your family',
      'Your residence',
      'Marriage and children',
      'Conduct and livelihood',
    ])
      expect(screen.getByRole('heading', { level: 2, name: section })).toBeInTheDocument();
    const answered = Object.keys(diego.answers).filter((k) => !isGated(k, diego.answers)).length;
    expect(document.querySelector('.meta')).toHaveTextContent(
      `${answered} of ${ruleSet.facts.length} questions answered.`,
    );
    expect(rows.filter((r) => r.dataset.status === 'answered')).toHaveLength(answered);

    const row = (id: string) => document.querySelector<HTMLElement>(`[data-fact="${id}"]`)!;
    expect(row('spouse_status')).toHaveAttribute('data-status', 'answered');
    expect(row('spouse_status')).toHaveTextContent(text(en, 'facts.spouse_status.options.long_term_resident'));
    expect(within(row('spouse_status')).getByText('spouse_status', { selector: 'code' })).toBeInTheDocument();
    // A follow-up whose premise (a Japanese ancestor) the answers deny.
    const gated = ruleSet.facts.find(
      (f) => f.premise && 'fact' in f.premise && f.premise.fact === 'japanese_ancestry',
    )!;
    expect(row(gated.id)).toHaveAttribute('data-status', 'gated');
    expect(row(gated.id)).toHaveTextContent(
      `Not asked: counts as “No” because of the answer to “${text(en, 'facts.japanese_ancestry.question')}”`,
    );
    // Everything else is either still open or not needed, and says which.
    const next = nextQuestions(ruleSet, diego.answers, ASOF);
    for (const r of rows.filter((x) => x.dataset.status === 'notNeeded')) expect(next).not.toContain(r.dataset.fact);
    expect(rows.some((r) => r.dataset.status === 'notNeeded')).toBe(true);
  });

  it('opens any question in the scrivener view; answering it comes back to check your answers', async () => {
    // Carlos as in the sources's persona 1: every question that matters is answered.
    const carlos = persona(1).answers;
    expect(nextQuestions(ruleSet, carlos, ASOF)).toEqual([]);
    const storage = memoryStorage({ [PRO_KEY]: '1' });
    const { user } = renderApp({ path: '/questions', answers: carlos, storage });
    const notNeeded = document.querySelector<HTMLElement>('[data-status="notNeeded"][data-fact]')!;
    const id = notNeeded.dataset.fact!;
    const link = within(notNeeded).getByRole('link', { name: text(en, `facts.${id}.question`) });
    expect(link).toHaveAttribute('href', `/question/${id}?return=check`);
    await user.click(link);
    expect(window.location.pathname).toBe(`/question/${id}`);
    expect(screen.getByRole('heading', { level: 1, name: text(en, `facts.${id}.question`) })).toBeInTheDocument();

    // Answer it (the first choice, "I don't know" or a date) and save.
    const fact = ruleSet.facts.find((f) => f.id === id)!;
    if (fact.type === 'date') {
      if (fact.dontKnow) await user.click(screen.getByLabelText(/I don't know/));
      else {
        await user.type(screen.getByLabelText('Year'), '2000');
        await user.type(screen.getByLabelText('Month'), '1');
        await user.type(screen.getByLabelText('Day'), '1');
      }
    } else if (fact.type === 'multi') await user.click(screen.getAllByRole('checkbox')[0]!);
    else await user.click(screen.getAllByRole('radio')[0]!);
    await user.click(screen.getByRole('button', { name: 'Save and go back to your answers' }));
    expect(window.location.pathname).toBe('/check');
    const saved = JSON.parse(storage.getItem(STORAGE_KEY)!) as { answers: Answers };
    expect(saved.answers[id]).toBeDefined();
  });

  it('without the scrivener view, only the questions the wizard would show are links', async () => {
    renderApp({ path: '/questions', answers: CARLOS });
    expect(screen.getByText(/Turn on the scrivener view/)).toBeInTheDocument();
    const notNeeded = document.querySelector<HTMLElement>('[data-status="notNeeded"][data-fact]')!;
    expect(within(notNeeded).queryByRole('link')).toBeNull();
    const answered = document.querySelector<HTMLElement>('[data-fact="birth_date"]')!;
    expect(within(answered).getByRole('link')).toHaveAttribute('href', '/question/birth_date?return=check');
    expect(answered.querySelector('code')).toBeNull();
    // A typed address of a question the answers do not need still goes where the journey stands.
    act(() => {
      window.history.pushState(null, '', `/question/${notNeeded.dataset.fact}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitFor(() => expect(window.location.pathname).not.toBe(`/question/${notNeeded.dataset.fact}`));
    expect(
      screen.queryByRole('heading', { level: 1, name: text(en, `facts.${notNeeded.dataset.fact}.question`) }),
    ).toBeNull();
  });
});

function isGated(id: string, answers: Answers): boolean {
  return closedQuestions(ruleSet, answers, ASOF).has(id);
}

describe('a date answered for a future screening date', () => {
  it('is accepted up to the screening date, and refused after it with that date named', async () => {
    // The date of birth must not lie in the future; it is asked on every path.
    const storage = memoryStorage({ [ASOF_KEY]: '2027-04-01', [PRO_KEY]: '1' });
    const { user } = renderApp({ path: '/question/birth_date', answers: { location: 'abroad' }, storage });
    const type = async (y: string, m: string, d: string) => {
      for (const [label, v] of [
        ['Year', y],
        ['Month', m],
        ['Day', d],
      ] as const) {
        await user.clear(screen.getByLabelText(label));
        await user.type(screen.getByLabelText(label), v);
      }
      await user.click(screen.getByRole('button', { name: 'Continue' }));
    };
    await type('2027', '4', '2');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The date must be on or before the screening date, 1 April 2027',
    );
    await type('2027', '1', '15');
    await waitFor(() => expect(window.location.pathname).not.toBe('/question/birth_date'));
  });
});
