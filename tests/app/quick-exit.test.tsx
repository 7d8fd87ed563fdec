// "Exit this page": when it shows (src/app/state/sensitive.ts), the Shift shortcut (shiftCounter),
// what an exit does (src/app/state/quickExit.ts: storage cleared by prefix, history, neutral page),
// the history depth the router keeps, and "Clear my answers" clearing every key but the language.
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen as screening } from '../../src/engine/evaluate';
import { nextQuestions } from '../../src/engine/questions';
import type { Answers, CategoryResult, TraceLine } from '../../src/engine/types';
import {
  adoptEntry,
  DEFAULT_EXIT_URL,
  EXIT_URL,
  EXITING_KEY,
  exitDestination,
  exitNavigation,
  GO_BACK_TIMEOUT_MS,
  NEUTRAL_URL,
  quickExit,
  resetExitForTests,
  resumeExit,
  shiftCounter,
} from '../../src/app/state/quickExit';
import { historyDepth, navigate } from '../../src/app/state/router';
import { sensitiveFacts, sensitiveReason } from '../../src/app/state/sensitive';
import { HISTORY_KEY, LANG_KEY, STORAGE_KEY } from '../../src/app/state/storage';
import { loadPersonas } from '../support/cases';
import { personaAnswer } from '../support/walk';
import { ASOF, en, ja, memoryStorage, renderApp, ruleSet, stored, text } from './helpers';

const personas = loadPersonas();
const grace = personas.find((p) => p.persona === 29)!; // DV, in Japan

/** Walks the wizard's order with a persona's answers up to its first sensitive question. */
function upToFirstSensitive(answers: Answers): { before: Answers; first: string; after: string } {
  const sensitive = sensitiveFacts(ruleSet);
  const before: Answers = {};
  for (let i = 0; i < 100; i++) {
    const next = nextQuestions(ruleSet, before, ASOF)[0];
    if (!next) break;
    const fact = ruleSet.facts.find((f) => f.id === next)!;
    if (sensitive.has(next)) {
      const withIt = { ...before, [next]: personaAnswer(ruleSet, fact, answers, ASOF) };
      return { before, first: next, after: nextQuestions(ruleSet, withIt, ASOF)[0]! };
    }
    before[next] = personaAnswer(ruleSet, fact, answers, ASOF);
  }
  throw new Error('no sensitive question on this path');
}

const exitButton = () => screen.queryByRole('button', { name: 'Exit this page' });

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  resetExitForTests();
  document.body.hidden = false;
  window.sessionStorage.clear();
  window.localStorage.clear();
});

describe('which facts are sensitive', () => {
  it('flags the questions whose wording reveals violence, a refugee claim or a criminal record', () => {
    const s = sensitiveFacts(ruleSet);
    expect(s.get('dv_victim')).toBe('dv');
    // "still legally married but the marriage has broken down": the DV category's own gate.
    expect(s.get('marriage_broken_down')).toBe('dv');
    for (const id of [
      'resettlement_unhcr_recommended',
      'resettlement_family_of_principal',
      'refugee_recognised',
      'complementary_protection',
      'refugee_refused_humanitarian_stay',
      'humanitarian_stay_emergency_measure',
      'humanitarian_stay_date',
      'household_member_qualifies',
    ])
      expect(s.get(id), id).toBe('refugee');
    for (const f of ruleSet.facts.filter((x) => x.group === 'conduct')) expect(s.get(f.id), f.id).toBe('criminal');
    // Neutral questions stay unflagged.
    for (const id of ['location', 'birth_date', 'marital_status', 'spouse_status', 'livelihood'])
      expect(s.has(id), id).toBe(false);
  });
});

describe('sensitiveReason', () => {
  const line = (truth: TraceLine['truth'], facts: string[], children: TraceLine[] = []): TraceLine => ({
    n: 0,
    id: 'x',
    key: 'x',
    truth,
    cite: { law: 'x', refs: [] },
    facts,
    children,
  });
  const result = (verdict: CategoryResult['verdict'], trace: TraceLine[], nearMiss?: boolean) =>
    ({
      id: 'r',
      verdict,
      trace,
      ...(nearMiss && { nearMiss: { date: '2027-01-01', verdict: 'eligible' } }),
    }) as CategoryResult;

  it('is nothing on the start page and on neutral questions and answers', () => {
    expect(sensitiveReason(ruleSet, { route: { page: 'start' }, answers: {} })).toBeUndefined();
    expect(
      sensitiveReason(ruleSet, {
        route: { page: 'question', factId: 'birth_date' },
        answers: { location: 'in_japan' },
      }),
    ).toBeUndefined();
  });

  it('is the question on screen when it is sensitive', () => {
    expect(sensitiveReason(ruleSet, { route: { page: 'question', factId: 'dv_victim' }, answers: {} })).toEqual({
      topic: 'dv',
      why: 'page',
      fact: 'dv_victim',
    });
  });

  it('is the overview that lists every question (scrivener view)', () => {
    expect(sensitiveReason(ruleSet, { route: { page: 'questions' }, answers: {} })).toMatchObject({ why: 'page' });
  });

  it('is any sensitive question answered, whatever the answer', () => {
    expect(
      sensitiveReason(ruleSet, { route: { page: 'check' }, answers: { location: 'abroad', refugee_recognised: 'no' } }),
    ).toEqual({ topic: 'refugee', why: 'answer', fact: 'refugee_recognised' });
  });

  it('is a category shown on the results with a met or open line reading a sensitive question', () => {
    const route = { page: 'results' } as const;
    const open = result('possible', [line('met', ['location']), line('unknown', ['dv_victim'])]);
    expect(sensitiveReason(ruleSet, { route, answers: {}, results: [open] })).toMatchObject({
      why: 'result',
      fact: 'dv_victim',
      topic: 'dv',
    });
    // A nested line counts; a not-met one or a category in the folded "not eligible" list does not.
    const nested = result('eligible', [line('met', ['location', 'conduct_prison'], [line('met', ['conduct_prison'])])]);
    expect(sensitiveReason(ruleSet, { route, answers: {}, results: [nested] })?.fact).toBe('conduct_prison');
    const notMet = result('possible', [line('not_met', ['dv_victim'])]);
    const folded = result('not_eligible', [line('unknown', ['dv_victim'])]);
    expect(sensitiveReason(ruleSet, { route, answers: {}, results: [notMet, folded] })).toBeUndefined();
    // A near miss is shown unfolded ("later"): it counts.
    const later = result('not_eligible', [line('unknown', ['refugee_recognised'])], true);
    expect(sensitiveReason(ruleSet, { route, answers: {}, results: [later] })?.topic).toBe('refugee');
  });

  it('finds a real category shown with an open line on a sensitive question nobody answered', () => {
    const neutral = Object.fromEntries(
      Object.entries(personas.find((p) => p.persona === 1)!.answers).filter(([k]) => !sensitiveFacts(ruleSet).has(k)),
    ) as Answers;
    const { results } = screening(ruleSet, neutral, ASOF);
    const reason = sensitiveReason(ruleSet, { route: { page: 'results' }, answers: neutral, results });
    expect(reason?.why).toBe('result');
    expect(neutral[reason!.fact]).toBeUndefined();
    const shown = results.find((r) => r.id === reason?.rule);
    expect(shown?.verdict !== 'not_eligible' || shown?.nearMiss !== undefined).toBe(true);
  });
});

describe('shiftCounter', () => {
  function press(c: ReturnType<typeof shiftCounter>, key: string, t: number) {
    c.keydown({ key, repeat: false, timeStamp: t });
    c.keyup({ key, timeStamp: t + 30 });
  }

  it('fires on Shift pressed three times within a second, and counts the presses', () => {
    const onTriple = vi.fn();
    const onCount = vi.fn();
    const c = shiftCounter({ onTriple, onCount });
    press(c, 'Shift', 0);
    press(c, 'Shift', 200);
    expect(onCount.mock.calls).toEqual([[1], [2]]);
    expect(onTriple).not.toHaveBeenCalled();
    press(c, 'Shift', 400);
    expect(onTriple).toHaveBeenCalledTimes(1);
  });

  it('ignores Shift used with another key, and another key starts the count again', () => {
    const onTriple = vi.fn();
    const c = shiftCounter({ onTriple });
    // Shift held for a capital letter.
    c.keydown({ key: 'Shift', repeat: false, timeStamp: 0 });
    c.keydown({ key: 'A', repeat: false, timeStamp: 10 });
    c.keyup({ key: 'Shift', timeStamp: 20 });
    press(c, 'Shift', 100);
    press(c, 'Shift', 200);
    expect(onTriple).not.toHaveBeenCalled();
    // Shift, Shift, a letter, Shift: no.
    press(c, 'a', 300);
    press(c, 'Shift', 400);
    expect(onTriple).not.toHaveBeenCalled();
    press(c, 'Shift', 500);
    press(c, 'Shift', 600);
    expect(onTriple).toHaveBeenCalledTimes(1);
  });

  it('does not fire when the presses are too slow, nor on a held Shift repeating', () => {
    const onTriple = vi.fn();
    const c = shiftCounter({ onTriple });
    press(c, 'Shift', 0);
    press(c, 'Shift', 600);
    press(c, 'Shift', 1200);
    expect(onTriple).not.toHaveBeenCalled();
    const d = shiftCounter({ onTriple });
    d.keydown({ key: 'Shift', repeat: false, timeStamp: 0 });
    d.keydown({ key: 'Shift', repeat: true, timeStamp: 30 });
    d.keydown({ key: 'Shift', repeat: true, timeStamp: 60 });
    d.keyup({ key: 'Shift', timeStamp: 90 });
    expect(onTriple).not.toHaveBeenCalled();
  });
});

describe('router: history depth', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('counts the entries pushed since the tool was opened; a replace keeps the count', () => {
    expect(historyDepth()).toBe(0);
    navigate({ page: 'question', factId: 'location' });
    expect(window.history.state).toEqual({ teijuDepth: 1 });
    navigate({ page: 'question', factId: 'birth_date' });
    expect(historyDepth()).toBe(2);
    navigate({ page: 'check' }, { replace: true });
    expect(historyDepth()).toBe(2);
    expect(window.location.pathname).toBe('/check');
  });

  it('reads anything else as the first entry', () => {
    for (const s of [null, undefined, 'x', {}, { teijuDepth: -1 }, { teijuDepth: 1.5 }, { teijuDepth: '2' }])
      expect(historyDepth(s)).toBe(0);
    expect(historyDepth({ teijuDepth: 3, other: true })).toBe(3);
  });
});

describe('the Exit this page control', () => {
  const { before, first, after } = upToFirstSensitive(grace.answers);

  it('is on every page from the first, the start page included, with its Shift shortcut', async () => {
    for (const path of ['/', '/question/location', '/check', '/results', '/save', '/nowhere']) {
      const { unmount } = renderApp({ path, answers: { location: 'in_japan' } });
      expect(exitButton(), path).not.toBeNull();
      unmount();
    }
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => {});
    const { user } = renderApp({ path: '/' });
    await user.keyboard('{Shift}{Shift}{Shift}');
    expect(replace).toHaveBeenCalledWith(EXIT_URL);
  }, 20_000); // renders several pages

  it('appears on a sensitive question, early in the tab order, and stays after the answer', async () => {
    expect(first).toBe('marriage_broken_down'); // Grace's path reaches the DV category's gate first
    const { user, storage } = renderApp({ path: `/question/${first}`, answers: before });
    const button = exitButton();
    expect(button).not.toBeNull();
    expect(button).toHaveAccessibleDescription(text(en, 'ui.exit.hint'));
    // Tab order: the skip link, then the exit button.
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveFocus();
    await user.tab();
    expect(button).toHaveFocus();

    await user.click(screen.getByLabelText('Yes'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(stored(storage)?.answers[first]).toBe('yes');
    expect(window.location.pathname).toBe(`/question/${after}`);
    expect(exitButton()).not.toBeNull();

    // Back to a neutral earlier question: it does not flicker away.
    await user.click(screen.getByRole('link', { name: 'Back' }));
    expect(window.location.pathname).toBe(`/question/${first}`);
    await user.click(screen.getByRole('link', { name: 'Back' }));
    expect(exitButton()).not.toBeNull();
  });

  it('appears after a sensitive answer on any page, and stays after "Clear my answers"', async () => {
    const { user } = renderApp({ path: '/check', answers: { ...before, [first]: 'no' } });
    expect(exitButton()).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear my answers' }));
    await user.click(screen.getByRole('button', { name: 'Yes, clear' }));
    expect(window.location.pathname).toBe('/');
    expect(exitButton()).not.toBeNull();
  });

  it('is in Japanese too', () => {
    renderApp({ path: `/question/${first}`, answers: before, lang: 'ja' });
    expect(screen.getByRole('button', { name: text(ja, 'ui.exit.button') })).toHaveAccessibleDescription(
      text(ja, 'ui.exit.hint'),
    );
  });

  it('Shift three times exits; Shift with another key does not', async () => {
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => {});
    const { user } = renderApp({ path: `/question/${first}`, answers: before });
    await user.keyboard('{Shift>}A{/Shift}{Shift}{Shift}');
    expect(replace).not.toHaveBeenCalled();
    await user.keyboard('{Shift}');
    expect(replace).toHaveBeenCalledWith(EXIT_URL);
    expect(document.body.hidden).toBe(true);
  });

  it('announces how many more Shift presses will exit', async () => {
    vi.spyOn(exitNavigation, 'replace').mockImplementation(() => {});
    const { user } = renderApp({ path: `/question/${first}`, answers: before });
    await user.keyboard('{Shift}');
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent(
      'Shift: press 2 more times to exit this page.',
    );
    await user.keyboard('{Shift}');
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent(
      'Shift: press 1 more time to exit this page.',
    );
  });

  it('clears every teiju. key in both storages and the app storage, then replaces the page', async () => {
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => {});
    const go = vi.spyOn(exitNavigation, 'go').mockImplementation(() => {});
    window.sessionStorage.setItem('teiju.lang', 'en');
    window.sessionStorage.setItem('teiju.someFeature', 'x');
    window.localStorage.setItem('teiju.print.view', 'scrivener');
    window.localStorage.setItem('unrelated', 'kept');
    const storage = memoryStorage({ [LANG_KEY]: 'en', 'teiju.other': '1' });
    const { user } = renderApp({ path: `/question/${first}`, answers: before, storage });
    expect(historyDepth()).toBe(0); // opened on this page: the tool's first entry
    await user.click(exitButton()!);
    expect([...storage.data.keys()]).toEqual([]);
    expect(Object.keys(window.sessionStorage)).toEqual([]);
    expect(Object.keys(window.localStorage)).toEqual(['unrelated']);
    expect(document.body.hidden).toBe(true);
    expect(go).not.toHaveBeenCalled();
    expect(replace).toHaveBeenCalledTimes(1);
    expect(replace).toHaveBeenCalledWith(EXIT_URL);
    // The entry the tool had is renamed to the neutral page before it is replaced.
    expect(window.location.pathname).toBe(NEUTRAL_URL);
    // Anything the app still writes before the document goes is removed as it goes.
    window.sessionStorage.setItem(STORAGE_KEY, 'late');
    storage.setItem('teiju.late', '1');
    fireEvent(window, new Event('pagehide'));
    expect(Object.keys(window.sessionStorage)).toEqual([]);
    expect([...storage.data.keys()]).toEqual([]);
  });

  it('after navigating, goes back to the tool’s first entry before replacing it', async () => {
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => {});
    const go = vi.spyOn(exitNavigation, 'go').mockImplementation(() => {
      // The browser lands on the tool's first entry.
      window.history.replaceState(null, '', `/question/${first}`);
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    });
    const { user, storage } = renderApp({ path: `/question/${first}`, answers: before });
    await user.click(screen.getByLabelText('Yes'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByLabelText("I don't know"));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(historyDepth()).toBe(2);
    await user.click(exitButton()!);
    expect(go).toHaveBeenCalledWith(-2);
    expect(replace).toHaveBeenCalledWith(EXIT_URL);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    // The flag for a go-back that crosses documents is gone too.
    expect(window.sessionStorage.getItem(EXITING_KEY)).toBeNull();
  });

  it('finishes anyway when going back does not happen, and only once', () => {
    vi.useFakeTimers();
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => {});
    vi.spyOn(exitNavigation, 'go').mockImplementation(() => {});
    window.history.replaceState({ teijuDepth: 3 }, '', '/check');
    quickExit();
    quickExit();
    expect(window.sessionStorage.getItem(EXITING_KEY)).toBe('1');
    expect(replace).not.toHaveBeenCalled();
    // Should this document go first (going back reaches an older one), the flag survives it.
    window.sessionStorage.setItem(STORAGE_KEY, 'late');
    fireEvent(window, new Event('pagehide'));
    expect(Object.keys(window.sessionStorage)).toEqual([EXITING_KEY]);
    act(() => {
      vi.advanceTimersByTime(GO_BACK_TIMEOUT_MS);
    });
    expect(replace).toHaveBeenCalledTimes(1);
    fireEvent(window, new PopStateEvent('popstate'));
    expect(replace).toHaveBeenCalledTimes(1);
  });

  it('a later document that went back into the tool finishes the exit before rendering', () => {
    const replace = vi.spyOn(exitNavigation, 'replace').mockImplementation(() => {});
    expect(resumeExit()).toBe(false);
    expect(replace).not.toHaveBeenCalled();
    window.sessionStorage.setItem(EXITING_KEY, '1');
    window.sessionStorage.setItem(STORAGE_KEY, '{}');
    expect(resumeExit()).toBe(true);
    expect(replace).toHaveBeenCalledWith(EXIT_URL);
    expect(Object.keys(window.sessionStorage)).toEqual([]);
  });
});

describe('where the exit goes', () => {
  it('is an ordinary site on another origin by default, so the address bar leaves the tool', () => {
    expect(exitDestination(undefined)).toBe(DEFAULT_EXIT_URL);
    expect(new URL(DEFAULT_EXIT_URL).origin).not.toBe(window.location.origin);
    expect(EXIT_URL).toBe(DEFAULT_EXIT_URL); // the test build sets nothing
  });

  it('is set at build time (VITE_EXIT_URL); switched off, or anything odd, it is the neutral page', () => {
    expect(exitDestination('https://weather.example/today')).toBe('https://weather.example/today');
    expect(exitDestination('http://127.0.0.1:9/x')).toBe('http://127.0.0.1:9/x');
    for (const off of ['', ' ', 'same-origin', 'javascript:alert(1)', 'data:text/html,x', 'not a url'])
      expect(exitDestination(off), off).toBe(NEUTRAL_URL);
  });
});

describe('an entry the browser made (typed address, bookmark, share link) learns its depth', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('the first one is the tool’s first entry: its index is kept for the entries to come', () => {
    adoptEntry(window.sessionStorage);
    expect(historyDepth()).toBe(0);
    expect(window.sessionStorage.getItem(HISTORY_KEY)).toBe(String(window.history.length - 1));
  });

  it('a later one counts the entries down to the tool’s first entry, and the exit goes back that far', () => {
    adoptEntry(window.sessionStorage);
    navigate({ page: 'question', factId: 'location' });
    navigate({ page: 'check' });
    // A typed address or a share link in the same tab: a new entry without the tool's state.
    window.history.pushState(null, '', '/results');
    window.history.pushState(null, '', '/results#answers=v1.x.y');
    adoptEntry(window.sessionStorage);
    expect(historyDepth()).toBe(4);
    // Known entries (a reload, Back, Forward) keep their depth.
    window.history.replaceState({ teijuDepth: 2 }, '', '/check');
    adoptEntry(window.sessionStorage);
    expect(historyDepth()).toBe(2);
    window.history.replaceState({ teijuDepth: 4 }, '', '/results');
    const go = vi.spyOn(exitNavigation, 'go').mockImplementation(() => {});
    vi.spyOn(exitNavigation, 'replace').mockImplementation(() => {});
    quickExit();
    expect(go).toHaveBeenCalledWith(-4);
  });

  it('survives "Clear my answers", which keeps the tool’s place in the history', async () => {
    const storage = memoryStorage({ [HISTORY_KEY]: '3' });
    const { user } = renderApp({ path: '/check', answers: { location: 'abroad' }, storage });
    await user.click(screen.getByRole('button', { name: 'Clear my answers' }));
    await user.click(screen.getByRole('button', { name: 'Yes, clear' }));
    expect(storage.getItem(HISTORY_KEY)).toBe('3');
  });
});

describe('"Clear my answers"', () => {
  it('clears every teiju. key but the language, in the app storage and localStorage', async () => {
    const storage = memoryStorage({ [LANG_KEY]: 'ja', 'teiju.someFeature': 'x' });
    window.localStorage.setItem('teiju.print.view', 'scrivener');
    window.localStorage.setItem(LANG_KEY, 'ja');
    window.localStorage.setItem('unrelated', 'kept');
    const { user } = renderApp({ path: '/check', answers: { location: 'abroad' }, storage });
    expect(storage.getItem(STORAGE_KEY)).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear my answers' }));
    await user.click(screen.getByRole('button', { name: 'Yes, clear' }));
    expect([...storage.data.keys()]).toEqual([LANG_KEY]);
    expect(Object.keys(window.localStorage).sort()).toEqual([LANG_KEY, 'unrelated']);
  });

  it('is in the header of every page', () => {
    for (const path of ['/', `/question/location`, '/check', '/results', '/nowhere']) {
      const { unmount } = renderApp({ path, answers: { location: 'abroad' } });
      expect(screen.getByRole('banner')).toContainElement(screen.getByRole('button', { name: 'Clear my answers' }));
      unmount();
    }
  });
});
