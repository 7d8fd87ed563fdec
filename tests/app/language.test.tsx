import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initialLanguage } from '../../src/app/i18n';
import { LANG_KEY } from '../../src/app/state/storage';
import { CARLOS } from './carlos';
import { en, ja, renderApp, stored, text } from './helpers';

describe('language', () => {
  it('switches on a question page: same page, same (even unsaved) answer, <html lang> follows', async () => {
    const { user, storage } = renderApp({ path: '/question/location' });
    await user.click(screen.getByLabelText(text(en, 'facts.location.options.abroad')));
    await user.click(screen.getByRole('button', { name: '日本語' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: text(ja, 'facts.location.question') }),
    ).toBeInTheDocument();
    expect(window.location.pathname).toBe('/question/location');
    expect(screen.getByLabelText(text(ja, 'facts.location.options.abroad'))).toBeChecked();
    expect(document.documentElement.lang).toBe('ja');
    expect(storage.getItem(LANG_KEY)).toBe('ja');
    // The current language is marked, not offered; focus stays on it, not on the page body.
    const current = screen.getByText('日本語', { selector: '[aria-current="true"]' });
    expect(current).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(current));

    await user.click(screen.getByRole('button', { name: '次へ' }));
    expect(stored(storage)?.answers.location).toBe('abroad');
  });

  it('keeps error messages in step with the language', async () => {
    const { user } = renderApp({ path: '/question/location' });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Select an answer');
    await user.click(screen.getByRole('button', { name: '日本語' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('いずれか1つを選んでください'));
    expect(screen.getByRole('alert')).toHaveTextContent('入力内容に問題があります');
  });

  it('switches mid-journey on check your answers and on results, answers untouched', async () => {
    const { user, storage } = renderApp({ path: '/check', answers: CARLOS });
    const before = stored(storage);
    await user.click(screen.getByRole('button', { name: '日本語' }));
    expect(await screen.findByRole('heading', { level: 1, name: '回答の確認' })).toBeInTheDocument();
    expect(document.querySelectorAll('.summary-list__row')).toHaveLength(Object.keys(CARLOS).length);
    expect(screen.getByText(text(ja, 'facts.location.options.abroad'))).toBeInTheDocument();
    expect(stored(storage)).toEqual(before);

    await user.click(screen.getByRole('button', { name: '結果を見る' }));
    expect(await screen.findByRole('heading', { level: 1, name: '判定結果' })).toBeInTheDocument();
    // In Japanese each category also shows its English title (the English texts load on demand).
    const card = document.querySelector('[data-rule-id="notified-3"]')!;
    expect(card).toHaveTextContent(text(ja, 'rules.notified-3.title'));
    await waitFor(() =>
      expect(card.querySelector('[lang="en"]')).toHaveTextContent(text(en, 'rules.notified-3.title')),
    );
  });

  it('starts in Japanese when asked to, and in the browser’s language otherwise', async () => {
    renderApp({ path: '/?lang=ja', lang: 'ja' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(text(ja, 'ui.start.heading'));
    await act(async () => {});
    expect(document.documentElement.lang).toBe('ja');

    expect(initialLanguage('?lang=ja', null, ['en-US'])).toBe('ja');
    expect(initialLanguage('?lang=en', 'ja', ['ja-JP'])).toBe('en');
    expect(initialLanguage('', 'ja', ['en-US'])).toBe('ja');
    expect(initialLanguage('', null, ['fr-FR', 'ja-JP', 'en'])).toBe('ja');
    expect(initialLanguage('', null, ['fr-FR', 'de'])).toBe('en');
    expect(initialLanguage('?lang=xx', null, ['en-GB'])).toBe('en');
  });

  it('updates a lang URL parameter when switching, so a reload keeps the language', async () => {
    const { user } = renderApp({ path: '/question/location?lang=en' });
    await user.click(screen.getByRole('button', { name: '日本語' }));
    await screen.findByRole('heading', { level: 1, name: text(ja, 'facts.location.question') });
    expect(window.location.search).toBe('?lang=ja');
  });
});
