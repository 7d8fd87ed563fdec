// The rules and the engine load after the start page (src/main.tsx passes a promise of them): the
// start page shows, and works, before they arrive; what the stored journey holds shows once they
// are there, and nothing stored is overwritten in the meantime. The language may be in the path.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { createI18n } from '../../src/app/i18n';
import { prerenderedFor, readSeed, SEED_ID, seedJson } from '../../src/app/state/prerender';
import { hrefOf, langOfPath, parseRoute, setLangParam } from '../../src/app/state/router';
import type { Fact, RuleSet } from '../../src/engine/types';
import { CARLOS } from './carlos';
import { ASOF, en, memoryStorage, ruleSet, stored, storeJourney, text } from './helpers';

function later() {
  let resolve!: (r: RuleSet) => void;
  const promise = new Promise<RuleSet>((res) => (resolve = res));
  return { promise, resolve };
}

function renderWaiting(path = '/', storage = memoryStorage()) {
  window.history.replaceState(null, '', path);
  const rules = later();
  const i18n = createI18n('en', { en });
  render(
    <App ruleSet={rules.promise} i18n={i18n} asOf={ASOF} storage={storage} loadLocale={() => Promise.resolve(en)} />,
  );
  return { rules, storage, user: userEvent.setup() };
}

describe('the rules after the start page', () => {
  it('shows the start page before the rules arrive, and Start goes to the first question', async () => {
    const { rules, user } = renderWaiting();
    expect(screen.getByRole('heading', { level: 1, name: text(en, 'ui.start.heading') })).toBeInTheDocument();
    // The footer's rules version is there without the rules.
    expect(document.querySelector('.footer__version')?.textContent).toContain(ruleSet.version.hash);
    await user.click(screen.getByRole('button', { name: text(en, 'ui.start.button') }));
    expect(location.pathname).toBe('/question/location');
    // The question waits for the rules, then shows.
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    await act(() => {
      rules.resolve(ruleSet);
      return Promise.resolve();
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: text(en, 'facts.location.question') }),
    ).toBeInTheDocument();
  });

  it('reads the stored journey once the rules are there, and leaves it alone before', async () => {
    const storage = memoryStorage();
    storeJourney(storage, CARLOS);
    const { rules } = renderWaiting('/', storage);
    expect(screen.queryByRole('heading', { name: text(en, 'ui.start.inProgress.title') })).toBeNull();
    await act(() => Promise.resolve());
    expect(stored(storage)?.answers).toEqual(CARLOS);
    await act(() => {
      rules.resolve(ruleSet);
      return Promise.resolve();
    });
    expect(await screen.findByRole('heading', { name: text(en, 'ui.start.inProgress.title') })).toBeInTheDocument();
    expect(stored(storage)?.answers).toEqual(CARLOS);
  });
});

describe('the language in the path', () => {
  it('reads /en/… and /ja/… as the same pages as without the prefix', () => {
    expect(parseRoute('/ja/', '')).toEqual({ page: 'start' });
    expect(parseRoute('/ja', '')).toEqual({ page: 'start' });
    expect(parseRoute('/en/question/location', '?return=check')).toEqual({
      page: 'question',
      factId: 'location',
      returnTo: 'check',
    });
    expect(parseRoute('/ja/results', '')).toEqual({ page: 'results' });
    expect(parseRoute('/japan/results', '')).toEqual({ page: 'notFound' });
    expect(langOfPath('/ja/check')).toBe('ja');
    expect(langOfPath('/check')).toBeUndefined();
  });

  it('keeps the form of the address: prefix, parameter or neither', () => {
    expect(hrefOf({ page: 'check' }, '', '/ja/question/location')).toBe('/ja/check');
    expect(hrefOf({ page: 'start' }, '', '/en/check')).toBe('/en/');
    expect(hrefOf({ page: 'check' }, '?lang=ja', '/question/location')).toBe('/check?lang=ja');
    expect(hrefOf({ page: 'check' }, '', '/question/location')).toBe('/check');
  });

  it('the language switch changes the prefix or the parameter, and nothing else', () => {
    window.history.replaceState(null, '', '/ja/question/location?return=check#x');
    setLangParam('en');
    expect(location.pathname + location.search + location.hash).toBe('/en/question/location?return=check#x');
    window.history.replaceState(null, '', '/check?lang=en');
    setLangParam('ja');
    expect(location.pathname + location.search).toBe('/check?lang=ja');
    window.history.replaceState(null, '', '/check');
    setLangParam('ja');
    expect(location.pathname + location.search).toBe('/check');
  });

  it('hydrates prerendered HTML only when it was made for this page and language', () => {
    expect(prerenderedFor('start ja', { page: 'start' }, 'ja')).toBe(true);
    expect(prerenderedFor('start en', { page: 'start' }, 'ja')).toBe(false);
    expect(prerenderedFor('question en', { page: 'question', factId: 'x' }, 'en')).toBe(true);
    expect(prerenderedFor('start en', { page: 'save' }, 'en')).toBe(false);
    expect(prerenderedFor(null, { page: 'start' }, 'en')).toBe(false);
  });

  it('a question prerendered with its question hydrates with its seed, and only then', () => {
    const fact = ruleSet.facts.find((f) => f.id === 'location') as Fact;
    const seed = { fact, texts: {} };
    const route = { page: 'question', factId: 'location' } as const;
    expect(prerenderedFor('question/location en', route, 'en', seed)).toBe(true);
    expect(prerenderedFor('question/location en', route, 'en')).toBe(false); // no seed: drawn afresh
    expect(prerenderedFor('question en', route, 'en', seed)).toBe(false);
    expect(prerenderedFor('question/location ja', route, 'en', seed)).toBe(false);
  });

  it('reads a seed only when it is for this page (its question, or the results) and language, and well formed', () => {
    const fact = ruleSet.facts.find((f) => f.id === 'location') as Fact;
    const route = { page: 'question', factId: 'location' } as const;
    const page = (json: string) => {
      document.body.innerHTML = `<script type="application/json" id="${SEED_ID}"></script>`;
      (document.getElementById(SEED_ID) as HTMLElement).textContent = json;
      return document;
    };
    const texts = { facts: { location: { question: 'Where? </script>' } } };
    const json = seedJson({ fact, texts }, 'en');
    expect(json).not.toContain('</script>');
    expect(readSeed(page(json), route, 'en')).toMatchObject({ fact, texts });
    expect(readSeed(page(json), route, 'ja')).toBeUndefined();
    expect(readSeed(page(json), { page: 'question', factId: 'other' }, 'en')).toBeUndefined();
    // A question's seed is not the results page's, nor the other way round.
    expect(readSeed(page(json), { page: 'results' }, 'en')).toBeUndefined();
    const results = seedJson({ texts: { ui: { results: { heading: 'Your results' } } } }, 'en');
    expect(readSeed(page(results), { page: 'results' }, 'en')).toMatchObject({
      texts: { ui: { results: { heading: 'Your results' } } },
    });
    expect(readSeed(page(results), { page: 'results' }, 'en')?.fact).toBeUndefined();
    expect(readSeed(page(results), route, 'en')).toBeUndefined();
    expect(readSeed(page(results), { page: 'check' }, 'en')).toBeUndefined();
    expect(readSeed(page('{not json'), route, 'en')).toBeUndefined();
    expect(readSeed(page('null'), route, 'en')).toBeUndefined();
    document.body.innerHTML = '';
    expect(readSeed(document, route, 'en')).toBeUndefined();
  });
});
