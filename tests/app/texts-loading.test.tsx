// The browser gets a language in three parts: the interface texts before the first render, the
// question texts and the categories' titles just after, the rest of the categories' texts when a
// page shows them. The start page must not wait for the second part; every other page waits for
// it; the results draw their headline before the third part, the sheet waits for it. A part that
// never arrives is said on the page, answers kept.
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { createI18n, type Lang, type LocalePart } from '../../src/app/i18n';
import { LOCALE_PARTS } from '../../src/rules-compiler/vite-plugin';
import { ASOF, en, memoryStorage, ruleSet, stored, storeJourney, text } from './helpers';
import { CARLOS } from './carlos';

// The same split as the build's (src/rules-compiler/vite-plugin.ts).
const part = (p: LocalePart) => LOCALE_PARTS[p](en);

function deferred() {
  let resolve!: (v: Record<string, unknown>) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<Record<string, unknown>>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function renderWithCoreOnly(path: string, storage = memoryStorage()) {
  window.history.replaceState(null, '', path);
  const i18n = createI18n('en', { en: part('core') });
  const texts = deferred();
  const details = deferred();
  const asked: string[] = [];
  const load = (lang: Lang, p: LocalePart = 'core') => {
    asked.push(`${lang}/${p}`);
    return p === 'texts' ? texts.promise : p === 'details' ? details.promise : Promise.resolve(part('core'));
  };
  render(<App ruleSet={ruleSet} i18n={i18n} asOf={ASOF} storage={storage} loadLocale={load} />);
  return { texts, details, asked, storage };
}

describe('loading the question and rule texts after the first page', () => {
  it('shows the start page at once and fetches the texts behind it', () => {
    const { asked } = renderWithCoreOnly('/');
    expect(screen.getByRole('heading', { level: 1, name: text(en, 'ui.start.heading') })).toBeInTheDocument();
    expect(asked).toContain('en/texts');
    // Every text on it is in the first part: no key shows through.
    expect(document.body.textContent).not.toMatch(/\b(?:ui|engine|facts|rules|laws)\.[a-zA-Z]/);
  });

  it('shows a question page once its texts have arrived', async () => {
    const { texts } = renderWithCoreOnly('/question/location');
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    texts.resolve(part('texts'));
    expect(
      await screen.findByRole('heading', { level: 1, name: text(en, 'facts.location.question') }),
    ).toBeInTheDocument();
  });

  it('says so when the texts never arrive, and keeps the answers', async () => {
    const storage = memoryStorage();
    storeJourney(storage, CARLOS);
    const { texts } = renderWithCoreOnly('/check', storage);
    texts.reject(new Error('offline'));
    expect(await screen.findByRole('alert')).toHaveTextContent(text(en, 'ui.textsFailed.title'));
    expect(stored(storage)?.answers).toEqual(CARLOS);
  });
});

describe('the rest of the rule texts, after the results headline', () => {
  const headline = () => document.querySelector<HTMLElement>('[data-section="headline"]');

  it('draws the headline with the first two parts, then asks for the rule details and shows the categories', async () => {
    const storage = memoryStorage();
    storeJourney(storage, CARLOS);
    const { texts, details, asked } = renderWithCoreOnly('/results', storage);
    expect(part('texts')).not.toHaveProperty('shared');
    texts.resolve(part('texts'));
    // Carlos (告示3号): the headline names his category by its title, which the second part has.
    await screen.findByText(text(en, 'ui.results.detailsPending'));
    expect(headline()?.textContent).toContain(text(en, 'rules.notified-3.title'));
    expect(document.querySelector('[data-rule-id]')).toBeNull();
    await vi.waitFor(() => expect(asked).toContain('en/details'));
    details.resolve(part('details'));
    expect(await screen.findByRole('heading', { name: text(en, 'rules.notified-3.title') })).toBeInTheDocument();
    expect(screen.queryByText(text(en, 'ui.results.detailsPending'))).toBeNull();
    expect(document.body.textContent).not.toMatch(/\b(?:ui|engine|facts|rules|shared|laws)\.[a-zA-Z-]+\.[a-zA-Z]/);
  });

  it('says so below the headline when the rule details never arrive, and keeps the headline and the answers', async () => {
    const storage = memoryStorage();
    storeJourney(storage, CARLOS);
    const { texts, details, asked } = renderWithCoreOnly('/results', storage);
    texts.resolve(part('texts'));
    await screen.findByText(text(en, 'ui.results.detailsPending'));
    await vi.waitFor(() => expect(asked).toContain('en/details'));
    details.reject(new Error('offline'));
    expect(await screen.findByText(text(en, 'ui.results.detailsFailed'))).toBeInTheDocument();
    expect(headline()).not.toBeNull();
    expect(stored(storage)?.answers).toEqual(CARLOS);
  });

  it('check your answers fetches them for the results that come next', async () => {
    const storage = memoryStorage();
    storeJourney(storage, CARLOS);
    const { texts, asked } = renderWithCoreOnly('/check', storage);
    expect(asked).not.toContain('en/details');
    texts.resolve(part('texts'));
    await screen.findByRole('heading', { level: 1, name: text(en, 'ui.check.heading') });
    // Asked for in an effect, which runs just after the page is drawn.
    await vi.waitFor(() => expect(asked).toContain('en/details'));
  });

  it('the sheet shows once the rule details are there, and cannot be printed before', async () => {
    const storage = memoryStorage();
    storeJourney(storage, CARLOS);
    const { texts, details } = renderWithCoreOnly('/sheet', storage);
    texts.resolve(part('texts'));
    await screen.findByText(text(en, 'ui.results.detailsPending'));
    expect(screen.getByRole('button', { name: text(en, 'ui.sheet.controls.print') })).toBeDisabled();
    details.resolve(part('details'));
    await vi.waitFor(() =>
      expect(screen.getByRole('button', { name: text(en, 'ui.sheet.controls.print') })).toBeEnabled(),
    );
    expect(screen.queryByText(text(en, 'ui.results.detailsPending'))).toBeNull();
  });
});
