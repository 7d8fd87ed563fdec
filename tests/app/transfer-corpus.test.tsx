// The corpus of bad answers files and share links (tests/cases/transfer/bad-inputs.yaml): each is
// refused with exactly the English messages written there (and with Japanese ones), and in the
// app, with answers already given, the messages are shown, the answers stay as they were, and
// the page is never blank.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/types';
import { createI18n } from '../../src/app/i18n';
import { decodeShareFragment, fragmentOf, readImport, transferErrorTexts } from '../../src/app/state/transfer';
import { ASOF, en, ja, renderApp, ruleSet, stored } from './helpers';

type FileSpec = string | { bytes: number[] } | { text: string; padTo: number };
type LinkSpec =
  | string
  | { holds: string; cut?: number; change?: number; padTo?: number }
  | { text: string; repeat: string; times: number };
interface Case {
  name: string;
  file?: FileSpec;
  link?: LinkSpec;
  messages: string[];
}

const corpus = parse(readFileSync(join(import.meta.dirname, '..', 'cases', 'transfer', 'bad-inputs.yaml'), 'utf8')) as {
  files: Case[];
  links: Case[];
};

function bytesOf(spec: FileSpec): Uint8Array {
  if (typeof spec === 'string') return new TextEncoder().encode(spec);
  if ('bytes' in spec) return new Uint8Array(spec.bytes);
  return new TextEncoder().encode(spec.text.padEnd(spec.padTo, ' '));
}

async function fragmentFor(spec: LinkSpec): Promise<string> {
  if (typeof spec === 'string') return spec;
  if ('repeat' in spec) return spec.text + spec.repeat.repeat(spec.times);
  let f = await fragmentOf(spec.padTo ? spec.holds.padEnd(spec.padTo, ' ') : spec.holds);
  if (spec.cut) f = f.slice(0, -spec.cut);
  if (spec.change !== undefined) {
    const i = spec.change > 0 ? '#answers=v1.'.length + spec.change - 1 : f.length + spec.change;
    f = f.slice(0, i) + (f[i] === 'A' ? 'B' : 'A') + f.slice(i + 1);
  }
  return f;
}

const tEn = createI18n('en', { en }).getFixedT('en');
const tJa = createI18n('ja', { ja }).getFixedT('ja');

/** Answers already given when the bad input arrives. */
const current: Answers = { location: 'abroad', birth_date: '1990-01-01', parent_born_to_japanese: 'yes' };

describe('the corpus', () => {
  it('has at least 12 bad files and 12 bad links, each with messages', () => {
    expect(corpus.files.length).toBeGreaterThanOrEqual(12);
    expect(corpus.links.length).toBeGreaterThanOrEqual(12);
    for (const c of [...corpus.files, ...corpus.links]) expect(c.messages.length, c.name).toBeGreaterThan(0);
  });
});

describe.each(corpus.files)('bad file: $name', (c) => {
  const result = readImport(bytesOf(c.file!), ruleSet, ASOF);

  it('is refused with exactly the expected messages, in English and in Japanese', () => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(transferErrorTexts(result, ruleSet, tEn, 'en')).toEqual(c.messages);
    const jaTexts = transferErrorTexts(result, ruleSet, tJa, 'ja');
    expect(jaTexts).toHaveLength(c.messages.length);
    for (const text of jaTexts) expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('in the app: the messages are listed, the answers are untouched, the page stays', async () => {
    const { user, storage } = renderApp({ path: '/save', answers: current });
    const before = stored(storage);
    const bytes = bytesOf(c.file!);
    await user.upload(
      screen.getByLabelText('Answers file (.json)'),
      new File([bytes as Uint8Array<ArrayBuffer>], 'answers.json', { type: 'application/json' }),
    );
    await user.click(screen.getByRole('button', { name: 'Load answers' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(c.messages);
    expect(stored(storage)).toEqual(before);
    expect(screen.getByRole('heading', { level: 1, name: 'Save, load or share your answers' })).toBeInTheDocument();
    expect(document.title).toMatch(/^Error: /);
  });
});

describe.each(corpus.links)('bad link: $name', (c) => {
  it('is refused with exactly the expected messages, in English and in Japanese', async () => {
    const result = await decodeShareFragment(await fragmentFor(c.link!), ruleSet, ASOF);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(transferErrorTexts(result, ruleSet, tEn, 'en')).toEqual(c.messages);
    for (const text of transferErrorTexts(result, ruleSet, tJa, 'ja'))
      expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('in the app: opened with answers given, it explains, keeps the answers, leaves the address clean', async () => {
    const fragment = await fragmentFor(c.link!);
    const { storage } = renderApp({ path: `/${fragment}`, answers: current });
    const before = stored(storage);
    const notice = await screen.findByRole('alert');
    expect(within(notice).getByRole('heading', { name: 'The share link could not be opened' })).toBeInTheDocument();
    expect(
      within(notice)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(c.messages);
    expect(notice).toHaveTextContent('Nothing was loaded and your answers have not changed.');
    expect(location.hash).toBe('');
    expect(stored(storage)).toEqual(before);
    expect(stored(storage)?.answers).toEqual(current);
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });
});
