import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { irrelevantAnswers } from '../../src/engine/questions';
import { CARLOS } from './carlos';
import { ASOF, en, renderApp, ruleSet, stored, text } from './helpers';

describe('check your answers', () => {
  it('lists every answer grouped, each with a Change link that comes back here', { timeout: 60_000 }, async () => {
    const { user, storage } = renderApp({ path: '/check', answers: CARLOS });
    expect(screen.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeInTheDocument();
    for (const section of ['About you', 'Your family', 'Conduct and livelihood'])
      expect(screen.getByRole('heading', { level: 2, name: section })).toBeInTheDocument();
    const rows = document.querySelectorAll('.summary-list__row');
    expect(rows).toHaveLength(Object.keys(CARLOS).length);

    const row = document.querySelector('[data-fact="location"]') as HTMLElement;
    expect(within(row).getByText(text(en, 'facts.location.options.abroad'))).toBeInTheDocument();
    const change = within(row).getByRole('link', { name: /^Change/ });
    expect(change).toHaveAttribute('href', '/question/location?return=check');
    // The link's accessible name says which answer it changes.
    expect(change.textContent?.replace(/\s+/g, ' ')).toBe(`Change ${text(en, 'facts.location.question')}`);

    await user.click(change);
    expect(window.location.pathname).toBe('/question/location');
    expect(screen.getByLabelText(text(en, 'facts.location.options.abroad'))).toBeChecked();
    await user.click(screen.getByLabelText(text(en, 'facts.location.options.in_japan')));
    await user.click(screen.getByRole('button', { name: 'Save and go back to your answers' }));

    // Back on the check page (perhaps after newly relevant questions), the other answers kept.
    // Each question the change opened says why and goes on with "Continue".
    for (let i = 0; window.location.pathname.startsWith('/question/') && i < 100; i++) {
      expect(screen.getByText(/because you changed your answer to “Where are you now\?”$/)).toBeInTheDocument();
      const radios = screen.queryAllByRole('radio');
      const dontKnow = radios.find((r) => r.getAttribute('value') === 'unknown') ?? radios.at(-1);
      const dateUnknown = screen.queryByLabelText("I don't know the date");
      const none = screen.queryByLabelText(text(en, 'facts.circumstances.options.none'));
      if (dontKnow) await user.click(dontKnow);
      else if (dateUnknown) await user.click(dateUnknown);
      else if (none) await user.click(none);
      else {
        await user.type(screen.getByLabelText('Year'), '2000');
        await user.type(screen.getByLabelText('Month'), '1');
        await user.type(screen.getByLabelText('Day'), '1');
      }
      await user.click(screen.getByRole('button', { name: 'Continue' }));
    }
    expect(window.location.pathname).toBe('/check');
    const answers = stored(storage)!.answers;
    expect(answers.location).toBe('in_japan');
    // Every other answer is kept, unless it no longer applies now that the person is in Japan.
    for (const [k, v] of Object.entries(CARLOS))
      if (k !== 'location' && answers[k] !== v) {
        expect(answers[k]).toBeUndefined();
        expect(irrelevantAnswers(ruleSet, { ...answers, [k]: v }, ASOF)).toContain(k);
      }
    expect(Object.keys(answers).length).toBeGreaterThan(5);
  });

  it('drops later answers that no longer matter after a change', async () => {
    // Luis: a Japanese parent at birth decides the redirect; lineage answers after it still matter
    // for other rules or not — whatever the engine says must be what the page does.
    const answers = { ...CARLOS };
    const { user, storage } = renderApp({ path: '/question/parent_japanese_at_birth?return=check', answers });
    await user.click(screen.getByLabelText('Yes'));
    await user.click(screen.getByRole('button', { name: 'Save and go back to your answers' }));
    const after = stored(storage)!.answers;
    expect(after.parent_japanese_at_birth).toBe('yes');
    const changedAt = Object.keys(CARLOS).indexOf('parent_japanese_at_birth');
    const later = Object.keys(CARLOS).slice(changedAt + 1);
    // No answer later on the path that the engine still counts as relevant was dropped.
    const irrelevant = new Set(irrelevantAnswers(ruleSet, { ...CARLOS, parent_japanese_at_birth: 'yes' }, ASOF));
    for (const k of later) if (!irrelevant.has(k)) expect(after[k]).toBe(CARLOS[k]);
    // Everything kept is still relevant (or was answered before the change).
    for (const k of irrelevantAnswers(ruleSet, after, ASOF))
      expect([...Object.keys(CARLOS).slice(0, changedAt + 1), 'location']).toContain(k);
  });

  it('with no answers sends the person to the start', () => {
    renderApp({ path: '/check' });
    expect(window.location.pathname).toBe('/');
  });
});
