// The results page carries in its HTML the texts its headline reads (src/prerender/results-seed.ts),
// so that a share link draws the headline without waiting for a text file. Here every persona's
// results are drawn from that seed alone, in each language, the text files never arriving: from a
// share link, from stored answers, with a link that asks whether to replace the stored answers, and
// in the scrivener view with another as-of date. No text may be missing, and no text file may be
// asked for before the headline.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { createI18n, LANGS, type Lang, type LocalePart } from '../../src/app/i18n';
import { ASOF_KEY, PRO_KEY } from '../../src/app/state/storage';
import { encodeShareFragment } from '../../src/app/state/transfer';
import { LOCALE_PARTS } from '../../src/rules-compiler/vite-plugin';
import { resultsSeedTexts } from '../../src/prerender/results-seed';
import type { Answers } from '../../src/engine/types';
import { loadPersonas } from '../support/cases';
import { en, ja, memoryStorage, ruleSet, storeJourney, text, type MemoryStorage } from './helpers';
import { CARLOS } from './carlos';

const bundles: Record<Lang, Record<string, unknown>> = { en, ja };
const part = (lang: Lang, p: LocalePart) => LOCALE_PARTS[p](bundles[lang]!);
const seedTexts = (lang: Lang) => resultsSeedTexts(part(lang, 'core'), part(lang, 'texts'));
const personas = loadPersonas();
const headline = () => document.querySelector('[data-section="headline"]');
// A text key showing through: `ui.results.heading`, `rules.notified-3.title`, …
const RAW_KEY = /\b(?:ui|engine|facts|rules|shared|laws|links|deadlines|glossary)\.[a-zA-Z0-9-]+\.[a-zA-Z]/;

type Mode = 'link' | 'stored' | 'confirm' | 'scrivener';

/**
 * Draws `path` from the results page's seed (in `lang`, with `storage`): what it asks for, which
 * texts it lacked, and `texts()`, which lets the language's texts part arrive (the details never do).
 */
function renderFromSeed(lang: Lang, path: string, storage: MemoryStorage, asOf: string) {
  window.history.replaceState(null, '', path);
  const texts = seedTexts(lang);
  const i18n = createI18n(lang, { [lang]: structuredClone(texts) });
  const missing: string[] = [];
  const t = i18n.t.bind(i18n);
  // Every text the page asks for must be in the seed (i18next would show its key instead).
  i18n.t = ((key: string | string[], options?: Record<string, unknown>) => {
    if (!i18n.exists(key, options)) missing.push(String(key));
    return t(key, options);
  }) as typeof i18n.t;
  const asked: string[] = [];
  let arrive!: (b: Record<string, unknown>) => void;
  const held = new Promise<Record<string, unknown>>((r) => (arrive = r));
  render(
    <App
      ruleSet={ruleSet}
      i18n={i18n}
      asOf={asOf}
      storage={storage}
      seed={{ texts, whole: true, lang }}
      loadLocale={(l, p = 'core') => {
        asked.push(`${l}/${p}`);
        return p === 'texts' ? held : new Promise(() => undefined);
      }}
    />,
  );
  return { missing, asked, texts: () => arrive(part(lang, 'texts')) };
}

/** /results from its seed, opened one way (`mode`), the text files held back for good. */
async function drawFromSeed(lang: Lang, answers: Answers, asOf: string, mode: Mode) {
  const storage = memoryStorage();
  let path = '/results';
  if (mode === 'stored') storeJourney(storage, answers);
  else path += await encodeShareFragment(answers);
  if (mode === 'confirm') storeJourney(storage, { location: 'in_japan' });
  if (mode === 'scrivener') {
    storage.setItem(PRO_KEY, '1');
    // A later date than today's (an earlier one could come before a date answered).
    storage.setItem(ASOF_KEY, `${Number(asOf.slice(0, 4)) + 1}${asOf.slice(4)}`);
  }
  return renderFromSeed(lang, path, storage, asOf);
}

afterEach(cleanup);

describe.each(LANGS)('the results page drawn from its seed alone (%s)', (lang) => {
  const modes: Mode[] = ['stored', 'confirm', 'scrivener'];
  it.each(personas.map((p, i) => [p.name, p, modes[i % modes.length]!] as const))(
    '%s: the headline and what comes with it, from a share link and another way, with no text missing',
    async (_name, persona, other) => {
      for (const mode of ['link', other] as const) {
        const { missing, asked } = await drawFromSeed(lang, persona.answers, persona.asOf, mode);
        await vi.waitFor(() => expect(headline(), mode).not.toBeNull());
        // Nothing asked for before the headline; after it, only the rest of the texts.
        expect(
          asked.filter((a) => a.endsWith('/core')),
          mode,
        ).toEqual([]);
        await screen.findByText(text(bundles[lang]!, 'ui.results.detailsPending'));
        // Each way shows what it is about: the message about the link, the chosen as-of date.
        const shown = {
          link: '[data-notice="imported"]',
          stored: '[data-section="headline"]',
          confirm: '[data-notice="linkConfirm"]',
          scrivener: '.as-of-notice',
        };
        expect(document.querySelector(shown[mode]), mode).not.toBeNull();
        expect(missing, mode).toEqual([]);
        expect(document.body.textContent, mode).not.toMatch(RAW_KEY);
        cleanup();
      }
    },
  );
});

describe('the results page and its seed', () => {
  it('asks for no text file before its headline is drawn, and for the rest of the texts after it', async () => {
    const { asked } = await drawFromSeed('en', CARLOS, '2026-11-23', 'link');
    const firstAsked = [...asked];
    await vi.waitFor(() => expect(headline()).not.toBeNull());
    expect(firstAsked).toEqual([]);
    expect(headline()?.textContent).toContain(text(en, 'rules.notified-3.title'));
    await vi.waitFor(() => expect(asked).toEqual(expect.arrayContaining(['en/texts', 'en/details'])));
    expect(asked).not.toContain('en/core');
  });

  it('a refused link: its message names the questions, so it shows once their texts have come', async () => {
    const storage = memoryStorage();
    storeJourney(storage, CARLOS);
    const { asked, texts } = renderFromSeed('en', '/results#answers=v1.broken.xxxxxxxxxxx', storage, '2026-11-23');
    await vi.waitFor(() => expect(asked).toContain('en/texts'));
    expect(screen.queryByRole('alert')).toBeNull();
    texts();
    expect(await screen.findByRole('alert')).toHaveTextContent(text(en, 'ui.transfer.notice.linkRefused.title'));
  });

  it('answers removed from those stored: the message names their questions once their texts have come', async () => {
    const storage = memoryStorage();
    storeJourney(storage, { ...CARLOS, birth_date: '1997-02-30' });
    const { asked, texts } = renderFromSeed('en', '/results', storage, '2026-11-23');
    await vi.waitFor(() => expect(asked).toContain('en/texts'));
    // Its title and count are interface texts: shown at once; the list once the questions' texts are there.
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(text(en, 'ui.notice.damaged.title'));
    expect(within(alert).queryByRole('listitem')).toBeNull();
    texts();
    expect(await within(alert).findByRole('listitem')).toHaveTextContent(text(en, 'facts.birth_date.question'));
  });
});
