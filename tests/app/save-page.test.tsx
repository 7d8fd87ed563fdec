// The save / load / share page and share links in the app: a file is made in the browser, a
// valid file loads (asking first when it would replace answers), a bad one is refused with the
// answers kept, a share link is made only on request (with a warning first for sensitive topics),
// and an opened link loads, asks, or explains, and never loses the answers on screen.
import { StrictMode } from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answers } from '../../src/engine/types';
import { decodeShareFragment, encodeShareFragment, exportFile, pathInOrder } from '../../src/app/state/transfer';
import { App } from '../../src/app/App';
import { createI18n } from '../../src/app/i18n';
import { ASOF, en, memoryStorage, renderApp, ruleSet, stored, text } from './helpers';

const LINK = 'Save, load or share your answers';
const current: Answers = { location: 'abroad', birth_date: '1990-01-01', parent_born_to_japanese: 'yes' };
const other: Answers = {
  location: 'in_japan',
  birth_date: '1985-03-03',
  parent_born_to_japanese: 'no',
  marriage_date: '2010-06-01',
};
const sensitiveFact = ruleSet.facts.find((f) => f.sensitive === 'dv')!;

const jsonFile = (text: string, name = 'answers-2026-11-23.json') =>
  new File([text], name, { type: 'application/json' });

afterEach(() => vi.restoreAllMocks());

async function upload(user: ReturnType<typeof renderApp>['user'], file: File) {
  await user.upload(screen.getByLabelText('Answers file (.json)'), file);
  await user.click(screen.getByRole('button', { name: 'Load answers' }));
}

describe('the page is reachable', () => {
  it.each([
    ['/', undefined],
    ['/check', current],
    ['/results', current],
  ])('from %s', async (path, answers) => {
    const { user } = renderApp({ path, answers });
    await user.click(screen.getByRole('link', { name: LINK }));
    expect(location.pathname).toBe('/save');
    expect(await screen.findByRole('heading', { level: 1, name: LINK })).toHaveFocus();
  });

  it('in Japanese too', () => {
    renderApp({ path: '/save', lang: 'ja', answers: current });
    expect(screen.getByRole('heading', { level: 1, name: '回答の保存・読み込み・共有' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '回答をダウンロード' })).toBeInTheDocument();
  });
});

describe('save as a file', () => {
  it('downloads the answers file made in the browser, named with the date', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:teiju/1'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { user } = renderApp({ path: '/save', answers: current });
    expect(screen.getByText('Download a file with your 3 answers.', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Download answers' }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe(`answers-${ASOF}.json`);
    expect(clicked[0]!.getAttribute('href')).toBe('blob:teiju/1');
    expect(await blobs[0]!.text()).toBe(exportFile(current));
    expect(blobs[0]!.type).toBe('application/json');
    expect(
      screen.getByText(`The file answers-${ASOF}.json has been made. Where it is saved depends on your browser.`),
    ).toBeInTheDocument();
  });

  it('with no answers, offers nothing to save or share', () => {
    renderApp({ path: '/save' });
    expect(
      screen.getByText('You have not answered any questions yet, so there is nothing to save.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download answers' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Make a share link' })).toBeNull();
  });
});

describe('load a file', () => {
  it('loads a valid file when there are no answers: check your answers, with a notice', async () => {
    const { user, storage } = renderApp({ path: '/save' });
    await upload(user, jsonFile(exportFile(other)));
    await waitFor(() => expect(location.pathname).toBe('/check'));
    expect(screen.getByRole('status')).toHaveTextContent('4 answers were loaded from the file.');
    expect(stored(storage)).toMatchObject({ answers: other, path: pathInOrder(ruleSet, other) });
    expect(screen.getByRole('heading', { level: 1, name: 'Check your answers' })).toHaveFocus();
  });

  it('asks before replacing answers; "keep" changes nothing, "replace" loads', async () => {
    const { user, storage } = renderApp({ path: '/save', answers: current });
    const before = stored(storage);
    expect(screen.getByText('Loading a file replaces your 3 current answers.')).toBeInTheDocument();
    await upload(user, jsonFile(exportFile(other), 'client.json'));
    const confirm = await screen.findByRole('group', { name: 'Replace your answers?' });
    expect(confirm).toHaveFocus();
    expect(confirm).toHaveTextContent(
      'The file client.json holds 4 answers. Loading it replaces all 3 of your current answers.',
    );
    expect(stored(storage)).toEqual(before);

    await user.click(within(confirm).getByRole('button', { name: 'Keep my answers' }));
    expect(screen.getByText('The file was not loaded. Your answers have not changed.')).toBeInTheDocument();
    expect(screen.getByLabelText('Answers file (.json)')).toHaveFocus();
    expect(stored(storage)).toEqual(before);
    expect(location.pathname).toBe('/save');

    await upload(user, jsonFile(exportFile(other), 'client.json'));
    await user.click(await screen.findByRole('button', { name: 'Replace my answers' }));
    await waitFor(() => expect(location.pathname).toBe('/check'));
    expect(stored(storage)?.answers).toEqual(other);
  });

  it('loads the same answers again without asking', async () => {
    const { user, storage } = renderApp({ path: '/save', answers: current });
    await upload(user, jsonFile(exportFile(current)));
    await waitFor(() => expect(location.pathname).toBe('/check'));
    expect(stored(storage)?.answers).toEqual(current);
  });

  it('asks for a file when none is chosen', async () => {
    const { user, storage } = renderApp({ path: '/save', answers: current });
    await user.click(screen.getByRole('button', { name: 'Load answers' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link', { name: 'Choose an answers file to load' })).toBeInTheDocument();
    expect(screen.getByLabelText('Answers file (.json)')).toHaveAttribute('aria-invalid', 'true');
    expect(stored(storage)?.answers).toEqual(current);
  });

  it('refuses a bad file, listing each problem, and keeps the answers', async () => {
    const { user, storage } = renderApp({ path: '/save', answers: current });
    await upload(user, jsonFile('{"version":1,"answers":{"location":"mars","birth_date":"2023-02-30"}}'));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getAllByRole('listitem')).toHaveLength(2);
    expect(summary).toHaveTextContent('(birth_date) is "2023-02-30", a date that does not exist.');
    expect(screen.getByText('The file was not loaded. Your answers have not changed.')).toBeInTheDocument();
    expect(stored(storage)?.answers).toEqual(current);
    // Then a good file loads (after confirmation).
    await upload(user, jsonFile(exportFile(other)));
    await user.click(await screen.findByRole('button', { name: 'Replace my answers' }));
    await waitFor(() => expect(stored(storage)?.answers).toEqual(other));
  });
});

describe('make a share link', () => {
  it('only on request; the link holds the answers in the fragment; copy puts it on the clipboard', async () => {
    const { user } = renderApp({ path: '/save', answers: current }); // user-event provides a clipboard
    expect(screen.queryByLabelText('Share link')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Make a share link' }));
    const field = await screen.findByLabelText<HTMLInputElement>('Share link');
    // Focused by an effect just after the field is drawn (on a busy machine, a moment later).
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAttribute('readonly');
    const url = new URL(field.value);
    expect(url.origin + url.pathname + url.search).toBe(`${location.origin}/`);
    expect(url.hash).toMatch(/^#answers=v1\./);
    expect(await decodeShareFragment(url.hash, ruleSet, ASOF)).toEqual({ ok: true, answers: current });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(field.value);
    expect(await screen.findByText('The link has been copied.')).toBeInTheDocument();
  });

  it('without a clipboard, selects the link and says how to copy it', async () => {
    const { user } = renderApp({ path: '/save', answers: current });
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Make a share link' }));
    const field = await screen.findByLabelText<HTMLInputElement>('Share link');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(field).toHaveFocus();
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(field.value.length);
    expect(screen.getByText('The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.')).toBeInTheDocument();
  });

  it('warns first when a sensitive topic was answered, and makes the link only once confirmed', async () => {
    const answers = { ...current, [sensitiveFact.id]: 'no' };
    const { user } = renderApp({ path: '/save', answers });
    await user.click(screen.getByRole('button', { name: 'Make a share link' }));
    const warning = screen.getByRole('group', { name: 'Your answers include sensitive topics' });
    expect(warning).toHaveFocus();
    expect(warning).toHaveTextContent('You have answered questions about violence or abuse by a spouse (DV).');
    expect(warning).toHaveTextContent('Anyone who has the link can read these answers.');
    expect(screen.queryByLabelText('Share link')).toBeNull();

    await user.click(within(warning).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Your answers include sensitive topics' })).toBeNull();
    expect(screen.queryByLabelText('Share link')).toBeNull();
    expect(screen.getByRole('button', { name: 'Make a share link' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Make a share link' }));
    await user.click(screen.getByRole('button', { name: 'I understand, make the link' }));
    const field = await screen.findByLabelText<HTMLInputElement>('Share link');
    expect(await decodeShareFragment(new URL(field.value).hash, ruleSet, ASOF)).toEqual({ ok: true, answers });
  });
});

describe('open a share link', () => {
  it('with no answers yet: loads them, goes to check your answers, removes the fragment', async () => {
    const fragment = await encodeShareFragment(other);
    const { storage } = renderApp({ path: `/${fragment}` });
    await waitFor(() => expect(location.pathname).toBe('/check'));
    expect(location.hash).toBe('');
    expect(await screen.findByRole('status')).toHaveTextContent('4 answers were loaded from the share link.');
    await waitFor(() => expect(stored(storage)?.answers).toEqual(other));
  });

  it('a link to the results page opens on the results (it waits for the answers, no detour)', async () => {
    const fragment = await encodeShareFragment(other);
    const replace = vi.spyOn(history, 'replaceState');
    const { storage } = renderApp({ path: `/results${fragment}` });
    expect(await screen.findByRole('heading', { level: 1, name: text(en, 'ui.results.heading') })).toBeInTheDocument();
    expect(location.pathname).toBe('/results');
    expect(location.hash).toBe('');
    // Stored by the effect that follows the page the answers are drawn on (a transition's effects
    // run just after it is painted).
    await waitFor(() => expect(stored(storage)?.answers).toEqual(other));
    // Never sent to the start page while the link was read.
    expect(replace.mock.calls.map((c) => c[2])).not.toContain('/');
    replace.mockRestore();
  });

  it('with answers: asks, and nothing is lost until the person chooses', async () => {
    const fragment = await encodeShareFragment(other);
    const { user, storage } = renderApp({ path: `/${fragment}`, answers: current });
    const before = stored(storage);
    const ask = await screen.findByRole('region', { name: 'This share link holds answers' });
    expect(location.hash).toBe('');
    // Focused by the question's effect, which runs just after the transition's page is painted.
    await waitFor(() => expect(ask).toHaveFocus());
    expect(ask).toHaveTextContent('The link holds 4 answers. Load them instead of your current answers (3)?');
    expect(stored(storage)).toEqual(before);
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument(); // the page is still there

    await user.click(within(ask).getByRole('button', { name: 'Keep my answers' }));
    expect(screen.getByText('The answers in the share link were not loaded.', { exact: false })).toBeInTheDocument();
    expect(stored(storage)).toEqual(before);
  });

  it('with answers: "load" replaces them', async () => {
    const fragment = await encodeShareFragment(other);
    const { user, storage } = renderApp({ path: `/${fragment}`, answers: current });
    await user.click(await screen.findByRole('button', { name: 'Load the link’s answers' }));
    await waitFor(() => expect(location.pathname).toBe('/check'));
    expect(stored(storage)?.answers).toEqual(other);
  });

  it('with answers, a link to the results: "load" replaces them and opens the results', async () => {
    const fragment = await encodeShareFragment(other);
    const { user, storage } = renderApp({ path: `/results${fragment}`, answers: current });
    await user.click(await screen.findByRole('button', { name: 'Load the link’s answers' }));
    await waitFor(() => expect(location.pathname).toBe('/results'));
    expect(stored(storage)?.answers).toEqual(other);
  });

  it('pasted into the address bar of an open tab (hashchange)', async () => {
    const { storage } = renderApp({ path: '/check', answers: current });
    const fragment = await encodeShareFragment(other);
    act(() => {
      history.replaceState(null, '', `/check${fragment}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('region', { name: 'This share link holds answers' })).toBeInTheDocument();
    expect(location.hash).toBe('');
    expect(stored(storage)?.answers).toEqual(current);
  });

  it('a damaged link explains the problem in Japanese too, and keeps the answers', async () => {
    const fragment = (await encodeShareFragment(other)).slice(0, -15);
    const { storage } = renderApp({ path: `/${fragment}`, answers: current, lang: 'ja' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('共有リンクを開けませんでした');
    expect(alert).toHaveTextContent('リンクが不完全です');
    expect(stored(storage)?.answers).toEqual(current);
  });

  it('under StrictMode (effects run twice in development), is read once', async () => {
    const fragment = await encodeShareFragment(other);
    window.history.replaceState(null, '', `/${fragment}`);
    const startLength = history.length;
    const storage = memoryStorage();
    render(
      <StrictMode>
        <App ruleSet={ruleSet} i18n={createI18n('en', { en })} asOf={ASOF} storage={storage} />
      </StrictMode>,
    );
    await waitFor(() => expect(location.pathname).toBe('/check'));
    expect(location.hash).toBe('');
    expect(await screen.findAllByText('4 answers were loaded from the share link.', { exact: false })).toHaveLength(1);
    expect(history.length).toBe(startLength + 1); // one navigation to check your answers
    await waitFor(() => expect(stored(storage)?.answers).toEqual(other));
  });

  it('leaves other fragments alone', () => {
    renderApp({ path: '/#main', answers: current });
    expect(location.hash).toBe('#main');
  });
});
