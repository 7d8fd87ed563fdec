// The browser gets a language in two parts: the interface texts before the first render, the
// question and rule texts just after. The start page must not wait for the second part; every
// other page waits for it, and a part that never arrives is said on the page, answers kept.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
  const asked: string[] = [];
  const load = (lang: Lang, p: LocalePart = 'core') => {
    asked.push(`${lang}/${p}`);
    return p === 'texts' ? texts.promise : Promise.resolve(part('core'));
  };
  render(<App ruleSet={ruleSet} i18n={i18n} asOf={ASOF} storage={storage} loadLocale={load} />);
  return { texts, asked, storage };
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
