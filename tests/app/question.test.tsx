import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { askableFact, en, fact, renderApp, stored, text } from './helpers';

describe('question page: yes / no', () => {
  const yesno = askableFact((f) => f.type === 'yesno' && f.dontKnow);

  it('offers Yes, No and I don’t know, and refuses an empty answer with a focused error summary', async () => {
    const { user } = renderApp({ path: `/question/${yesno.id}` });
    const heading = screen.getByRole('heading', { level: 1, name: text(en, `facts.${yesno.id}.question`) });
    const group = screen.getByRole('group', { name: heading.textContent ?? '' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['yes', 'no', 'unknown']);
    expect(within(group).getByLabelText("I don't know")).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeInTheDocument();
    const link = within(summary).getByRole('link', { name: 'Select an answer' });
    expect(link).toHaveAttribute('href', `#${yesno.id}-yes`);
    // The field's own message, tied to the group; the radios are marked invalid.
    const message = document.getElementById(`${yesno.id}-error`);
    expect(message).toHaveTextContent('Select an answer');
    expect(group.getAttribute('aria-describedby')).toContain(`${yesno.id}-error`);
    radios.forEach((r) => expect(r).toHaveAttribute('aria-invalid', 'true'));
    expect(document.title).toMatch(/^Error: /);

    // The summary's link moves focus to the first radio, and leaves the URL fragment alone.
    await user.click(link);
    expect(radios[0]).toHaveFocus();
    expect(window.location.hash).toBe('');
  });

  it('records the answer as a language-neutral code and moves on to the next question', async () => {
    const { user, storage } = renderApp({ path: `/question/${yesno.id}` });
    await user.click(screen.getByLabelText('No'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(stored(storage)?.answers[yesno.id]).toBe('no');
    expect(stored(storage)?.path).toEqual([yesno.id]);
    expect(window.location.pathname).toMatch(/^\/question\/|^\/check$/);
    // Focus moves to the new page's heading.
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });
});

describe('question page: choice', () => {
  it('shows radios for the options, with no “I don’t know” where the fact does not allow it', async () => {
    const location = fact('location');
    const { user, storage } = renderApp({ path: '/question/location' });
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(location.options);
    expect(screen.queryByLabelText("I don't know")).toBeNull();
    await user.click(screen.getByLabelText(text(en, 'facts.location.options.abroad')));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(stored(storage)?.answers.location).toBe('abroad');
  });

  it('has a hint and, for legal terms, an explanation in a details element', () => {
    renderApp({ path: '/question/location' });
    const hint = document.getElementById('location-hint');
    expect(hint).toHaveTextContent(text(en, 'facts.location.hint'));
    const group = screen.getByRole('group', { name: text(en, 'facts.location.question') });
    expect(group.getAttribute('aria-describedby')).toContain('location-hint');
    const explain = group.querySelector('details');
    expect(explain?.querySelector('summary')).toHaveTextContent('What does this mean?');
    expect(explain).toHaveTextContent(text(en, 'facts.location.explain'));
  });
});

describe('question page: date', () => {
  it('takes year, month and day and refuses an impossible date, linking the error to the day field', async () => {
    const { user, storage } = renderApp({ path: '/question/birth_date', answers: { location: 'abroad' } });
    const group = screen.getByRole('group', { name: text(en, 'facts.birth_date.question') });
    expect(
      within(group)
        .getAllByRole('textbox')
        .map((i) => i.id),
    ).toEqual(['birth_date-year', 'birth_date-month', 'birth_date-day']);
    await user.type(screen.getByLabelText('Year'), '2023');
    await user.type(screen.getByLabelText('Month'), '2');
    await user.type(screen.getByLabelText('Day'), '30');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    const link = within(summary).getByRole('link', { name: 'The date must be a real date' });
    expect(screen.getByLabelText('Day')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Year')).not.toHaveAttribute('aria-invalid');
    expect(group.getAttribute('aria-describedby')).toContain('birth_date-error');
    await user.click(link);
    expect(screen.getByLabelText('Day')).toHaveFocus();

    // What was typed stays, and the earlier answer is not lost.
    expect(screen.getByLabelText('Year')).toHaveValue('2023');
    expect(stored(storage)?.answers).toEqual({ location: 'abroad' });
  });

  it('refuses a date in the future where the fact says notFuture', async () => {
    const { user } = renderApp({ path: '/question/birth_date', answers: { location: 'abroad' } });
    await user.type(screen.getByLabelText('Year'), '2030');
    await user.type(screen.getByLabelText('Month'), '1');
    await user.type(screen.getByLabelText('Day'), '1');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The date must be today or in the past');
  });

  it('asks for the missing parts, and accepts full-width digits', async () => {
    const { user, storage } = renderApp({ path: '/question/birth_date', answers: { location: 'abroad' } });
    await user.type(screen.getByLabelText('Year'), '１９９７');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The date must include a month and day');
    expect(screen.getByLabelText('Month')).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText('Month'), '3');
    await user.type(screen.getByLabelText('Day'), '27');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(stored(storage)?.answers.birth_date).toBe('1997-03-27');
  });

  it('refuses a date before another answer where the fact says after', async () => {
    const { user } = renderApp({
      path: '/question/marriage_date',
      answers: { location: 'in_japan', birth_date: '1990-05-01', marriage_date: '2015-01-01' },
    });
    // The earlier answer is filled in.
    expect(screen.getByLabelText('Year')).toHaveValue('2015');
    await user.clear(screen.getByLabelText('Year'));
    await user.type(screen.getByLabelText('Year'), '1989');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The date must be the same as or after your date of birth (1 May 1990)',
    );
  });

  it('offers “I don’t know the date” where allowed', async () => {
    const { user, storage } = renderApp({
      path: '/question/marriage_date',
      answers: { location: 'in_japan', birth_date: '1990-05-01', marriage_date: '2015-01-01' },
    });
    await user.click(screen.getByLabelText("I don't know the date"));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(stored(storage)?.answers.marriage_date).toBe('unknown');
  });
});

describe('back', () => {
  it('returns to the previous question with its answer filled in (link and browser back)', async () => {
    const { user } = renderApp({ path: '/question/location' });
    await user.click(screen.getByLabelText(text(en, 'facts.location.options.in_japan')));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const second = window.location.pathname;
    expect(second).not.toBe('/question/location');

    await user.click(screen.getByRole('link', { name: 'Back' }));
    expect(window.location.pathname).toBe('/question/location');
    expect(screen.getByLabelText(text(en, 'facts.location.options.in_japan'))).toBeChecked();

    // Continue walks forward again, then the browser's back button returns here too.
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(window.location.pathname).toBe(second);
    window.history.back();
    await screen.findByLabelText(text(en, 'facts.location.options.in_japan'));
    expect(screen.getByLabelText(text(en, 'facts.location.options.in_japan'))).toBeChecked();
  });

  it('shows progress by section, never calling a question the last', async () => {
    const { user } = renderApp({ path: '/question/location' });
    const part = () => /^Part (\d+) of (\d+): (.+)$/.exec(document.querySelector('.caption')!.textContent)!;
    expect(part()[1]).toBe('1');
    expect(part()[3]).toBe('About you');
    const total = Number(part()[2]);
    expect(total).toBeGreaterThan(1);
    await user.click(screen.getByLabelText(text(en, 'facts.location.options.abroad')));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(window.location.pathname).toBe('/question/birth_date');
    expect(part()[1]).toBe('1');
    expect(Number(part()[2])).toBeLessThanOrEqual(total);
    expect(document.body.textContent).not.toMatch(/last one|at most/);
  });
});

describe('select all that apply', () => {
  it('"None of these" stands alone; the choices are saved in catalogue order', async () => {
    const { user, storage } = renderApp({ path: '/question/circumstances' });
    const none = screen.getByLabelText(text(en, 'facts.circumstances.options.none'));
    const china = screen.getByLabelText(text(en, 'facts.circumstances.options.china'));
    const adopted = screen.getByLabelText(text(en, 'facts.circumstances.options.adoption'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Select all that apply, or “None of these”');
    await user.click(china);
    await user.click(none);
    expect(china).not.toBeChecked();
    await user.click(china);
    expect(none).not.toBeChecked();
    await user.click(adopted);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(stored(storage)?.answers.circumstances).toBe('adoption,china');
  });
});
