// Whatever goes wrong while a page renders: a page in the person's language that says so, with
// "Exit this page", "Clear my answers" and the answers file; the stored answers are not touched.
// The failure is forced by a results page that throws (the real one is replaced here), and by a
// failure in the app shell above the pages (a rule set that throws).
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { createI18n } from '../../src/app/i18n';
import { exportFile } from '../../src/app/state/transfer';
import { STORAGE_KEY } from '../../src/app/state/storage';
import { CARLOS } from './carlos';
import { ASOF, en, ja, memoryStorage, renderApp, ruleSet, stored, storeJourney, text } from './helpers';

const fail = vi.hoisted(() => ({ results: false }));
vi.mock('../../src/app/pages/ResultsPage', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/app/pages/ResultsPage')>();
  return {
    ...real,
    ResultsPage: () => {
      if (fail.results) throw new Error('forced render error');
      return real.ResultsPage();
    },
  };
});

afterEach(() => {
  fail.results = false;
  vi.restoreAllMocks();
});

describe('a page that fails to render', () => {
  it('shows a page in English that says so, keeps the exit and the clear control, and the answers', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fail.results = true;
    const storage = memoryStorage();
    storeJourney(storage, CARLOS);
    const before = storage.getItem(STORAGE_KEY);
    const { user } = renderApp({ path: '/results', storage });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(text(en, 'ui.crash.title'));
    expect(document.title).toBe(`${text(en, 'ui.crash.title')} – ${text(en, 'ui.service.name')}`);
    expect(screen.getByRole('button', { name: 'Exit this page' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Clear my answers' }).length).toBeGreaterThan(0);
    expect(storage.getItem(STORAGE_KEY)).toBe(before);

    // The answers file, exactly as the save page makes it.
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:teiju/1';
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await user.click(screen.getByRole('button', { name: text(en, 'ui.crash.download.button') }));
    expect(names).toEqual([`answers-${ASOF}.json`]);
    expect(await blobs[0]!.text()).toBe(exportFile(CARLOS));
    expect(screen.getByRole('status')).toHaveTextContent(`The file answers-${ASOF}.json has been made.`);

    // Trying again works once the fault is gone; the answers are all there.
    fail.results = false;
    await user.click(screen.getByRole('button', { name: text(en, 'ui.crash.retry') }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Your results');
    expect(stored(storage)?.answers).toEqual(CARLOS);
  }, 20_000); // renders several pages

  it('in Japanese, and "Clear my answers" on it clears as usual', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fail.results = true;
    const storage = memoryStorage();
    storeJourney(storage, CARLOS);
    const { user } = renderApp({ path: '/results', storage, lang: 'ja' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(text(ja, 'ui.crash.title'));
    expect(screen.getByRole('button', { name: text(ja, 'ui.exit.button') })).toBeInTheDocument();
    const main = screen.getByRole('main');
    await user.click([...main.querySelectorAll('button')].find((b) => b.textContent === text(ja, 'ui.clear.button'))!);
    await user.click(screen.getByRole('button', { name: text(ja, 'ui.clear.yes') }));
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(window.location.pathname).toBe('/');
  });

  it('above the pages too: the whole app falls back to the same page, with its own exit control', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const storage = memoryStorage();
    storeJourney(storage, CARLOS);
    const before = storage.getItem(STORAGE_KEY);
    // A fault in the app shell itself: its rule set fails as the shell works out the next
    // questions, to check that the question asked for may be shown.
    const broken = Object.create(ruleSet, {
      rules: {
        get() {
          throw new Error('forced shell error');
        },
      },
    }) as typeof ruleSet;
    window.history.replaceState(null, '', '/question/location');
    render(
      <App
        ruleSet={broken}
        i18n={createI18n('en', { en })}
        asOf={ASOF}
        storage={storage}
        loadLocale={(l) => Promise.resolve(l === 'ja' ? ja : en)}
      />,
    );
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(text(en, 'ui.crash.title'));
    expect(screen.getByRole('button', { name: 'Exit this page' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear my answers' })).toBeInTheDocument();
    expect(
      screen.getByText(
        text(en, 'ui.crash.download.body_other').replace('{{count}}', String(Object.keys(CARLOS).length)),
      ),
    ).toBeInTheDocument();
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });
});
