import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CARLOS } from './carlos';
import { screen as screenRules } from '../../src/engine/evaluate';
import { nextQuestions } from '../../src/engine/questions';
import type { Answers } from '../../src/engine/types';
import { ASOF, en, renderApp, ruleSet, text } from './helpers';

/** Answers every question still open with its most negative answer. */
function complete(answers: Answers): Answers {
  const out = { ...answers };
  for (let open = nextQuestions(ruleSet, out, ASOF); open.length; open = nextQuestions(ruleSet, out, ASOF)) {
    const f = ruleSet.facts.find((x) => x.id === open[0])!;
    const opts = f.options ?? [];
    out[f.id] =
      f.type === 'yesno'
        ? 'no'
        : f.type === 'choice' || f.type === 'multi'
          ? (['none', 'other', 'never_married'].find((o) => opts.includes(o)) ??
            (f.type === 'multi' ? 'none' : opts.at(-1)!))
          : f.dontKnow
            ? 'unknown'
            : '2000-01-01';
  }
  return out;
}

const card = (id: string) => document.querySelector<HTMLElement>(`[data-rule-id="${id}"]`);
const groupOf = (id: string) => card(id)?.closest('[data-group]')?.getAttribute('data-group');

describe('results', () => {
  it('shows a likely match with its conditions as ✓ lines, source, periods, routes and next steps', () => {
    renderApp({ path: '/results', answers: CARLOS });
    expect(screen.getByRole('heading', { level: 1, name: 'Your results' })).toBeInTheDocument();
    const c = card('notified-3')!;
    expect(groupOf('notified-3')).toBe('eligible');
    expect(within(c).getByRole('heading', { name: text(en, 'rules.notified-3.title') })).toBeInTheDocument();
    const lines = [...c.querySelectorAll('.trace__line')];
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(l).toHaveAttribute('data-truth', 'met');
      expect(l.querySelector('.trace__mark')).toHaveTextContent('✓');
    }
    expect(
      within(c).getByText(text(en, 'rules.notified-3.conditions.parent-born-to-japanese'), { exact: false }),
    ).toBeInTheDocument();
    expect(c).toHaveTextContent(text(en, 'laws.kokuji-132'));
    expect(c).toHaveTextContent('5 years, 3 years, 1 year, 6 months');
    // Abroad: the Certificate of Eligibility fits, the change of status does not.
    const routes = [...c.querySelectorAll('.routes__item')];
    expect(routes.find((r) => r.textContent?.includes('Certificate of Eligibility'))).toHaveClass('routes__item--met');
    expect(routes.find((r) => r.textContent?.includes('Change of status'))).toHaveClass('routes__item--not_met');
    expect(c).toHaveTextContent(text(en, 'rules.notified-3.next').slice(0, 40));
    // Its documents are in the merged checklist, each saying what it proves for this category.
    const doc = document.querySelector('[data-section="checklist"] [data-doc="ancestor-koseki"]');
    expect(doc).toHaveTextContent(text(en, 'rules.notified-3.documents.ancestor-koseki'));
    expect(doc?.querySelector('[data-for-rule="notified-3"]')).toHaveTextContent(
      text(en, 'rules.notified-3.conditions.parent-born-to-japanese'),
    );
    expect(screen.getByText(text(en, 'engine.disclaimer'))).toBeInTheDocument();
    // The headline first, and the hard words explained once, in a glossary the text links to.
    expect(document.querySelector('[data-section="headline"]')).toHaveTextContent('告示3号');
    const glossary = document.querySelector('[data-section="glossary"]')!;
    const coe = glossary.querySelector('dfn#glossary-coe')!;
    expect(coe).toHaveTextContent('Certificate of Eligibility (在留資格認定証明書)');
    expect(document.querySelectorAll('a[href="#glossary-coe"]')).toHaveLength(1);
    expect(document.querySelectorAll('a[href="#glossary-sokou"]')).toHaveLength(1);
  });

  it('shows a redirect in its own group at the top when no category of Long-Term Resident fits, as prominently as a match', () => {
    renderApp({ path: '/results', answers: { ...CARLOS, parent_japanese_at_birth: 'yes' } });
    expect(groupOf('redirect-spouse-child-of-japanese')).toBe('redirect');
    const first = document.querySelector('[data-group]:not([data-group="none"])');
    expect(first).toHaveAttribute('data-group', 'redirect');
    expect(card('redirect-spouse-child-of-japanese')).toHaveTextContent(
      'Your status is likely to be: Spouse or Child of Japanese National (日本人の配偶者等)',
    );
    // notified-3 now fails: in the collapsed list, with its failing condition marked ✗.
    expect(groupOf('notified-3')).toBe('notEligible');
    const failing = card('notified-3')!.querySelectorAll('.trace__line');
    expect(failing.length).toBeGreaterThan(0);
    for (const l of failing) expect(l.querySelector('.trace__mark')).toHaveTextContent('✗');
    expect(card('notified-3')!.closest('details')).not.toHaveAttribute('open');
  });

  it('a category not eligible because of a point the law leaves open says so in the folded list (an adoptee first applying at 7)', () => {
    const leoAt7: Answers = {
      location: 'abroad',
      birth_date: '2019-06-01',
      marital_status: 'never_married',
      circumstances: 'adoption',
      adoption: 'ordinary',
      adoptive_parent_status: 'japanese',
      dependent_on_adoptive_parent: 'yes',
    };
    renderApp({ path: '/results', answers: leoAt7 });
    expect(groupOf('notified-7-i')).toBe('notEligible');
    const expert = card('notified-7-i')!.querySelector('.expert')!;
    expect(expert).toHaveTextContent(text(en, 'engine.expert.title'));
    expect(expert).toHaveTextContent(text(en, 'rules.notified-7-i.notes.older-adoptee'));
    // A category that fails for other reasons shows no flag.
    expect(card('notified-7-ro')!.querySelector('.expert')).toBeNull();
  });

  it('marks unknown conditions with ? and puts the category among the possible ones', () => {
    renderApp({ path: '/results', answers: { ...CARLOS, parent_born_to_japanese: 'unknown' } });
    expect(groupOf('notified-3')).toBe('possible');
    const unknown = card('notified-3')!.querySelector('.trace__line--unknown');
    expect(unknown?.querySelector('.trace__mark')).toHaveTextContent('?');
    expect(unknown).toHaveTextContent('not known:');
  });

  it('shows a near miss with the date it would be met, and says when nothing matches', () => {
    // Mariana (persona 5), with every other open question answered in the negative.
    const answers = complete({ ...CARLOS, conduct_fine: 'other', conduct_fine_paid_date: '2023-11-23' });
    renderApp({ path: '/results', answers });
    expect(groupOf('notified-3')).toBe('later');
    expect(card('notified-3')).toHaveTextContent('Would be met from 24 November 2028 if nothing else changes.');
    const matched = screenRules(ruleSet, answers, ASOF).results.some((r) => r.verdict !== 'not_eligible');
    const none = screen.queryByRole('heading', { name: 'No category fits your answers' });
    if (matched) expect(none).toBeNull();
    else {
      expect(none).toBeInTheDocument();
      expect(screen.getByRole('heading', { name: 'Where to look instead' })).toBeInTheDocument();
    }
  });

  it('"Start again" asks first, then clears the answers', async () => {
    const { user, storage } = renderApp({ path: '/results', answers: CARLOS });
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    // Nothing is lost yet: a confirmation, with a way back.
    expect(storage.getItem('teiju.journey')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(window.location.pathname).toBe('/results');
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await user.click(screen.getByRole('button', { name: 'Yes, clear' }));
    expect(window.location.pathname).toBe('/');
    expect(storage.getItem('teiju.journey')).toBeNull();
    expect(await screen.findByText('Your answers have been cleared')).toBeInTheDocument();
  });
});

describe('deadlines, labels and route cautions', () => {
  const ivana = {
    location: 'in_japan',
    current_status: 'spouse_of_japanese',
    birth_date: '1985-02-14',
    marital_status: 'divorced',
    spouse_status: 'japanese',
    marriage_date: '2019-06-01',
    japan_entry_date: '2019-04-01',
    marriage_end_date: '2026-02-20',
    separation_date: '2026-02-20',
    married_life_in_japan: 'yes',
    dv_victim: 'no',
    livelihood: 'yes',
    japanese_daily_life: 'yes',
    public_duties: 'yes',
    conduct_any: 'no',
  } satisfies Answers;

  it('lists the dates to keep, marks a passed window, and names it in the category', () => {
    renderApp({ path: '/results', answers: ivana });
    const section = document.querySelector<HTMLElement>('[data-section="deadlines"]')!;
    expect(within(section).getByRole('heading', { name: text(en, 'ui.sheet.deadlines.title') })).toBeInTheDocument();
    const six = section.querySelector('[data-deadline="spouse-status-6-months"]')!;
    expect(six).toHaveAttribute('data-passed', 'true');
    expect(six).toHaveTextContent('20 August 2026');
    expect(six).toHaveTextContent(text(en, 'rules.unspecified-divorce.title'));
    expect(section.querySelector('[data-deadline="spouse-notification-14-days"]')).toHaveTextContent(
      text(en, 'ui.sheet.deadlines.duty'),
    );
    const c = card('unspecified-divorce')!;
    expect(c).toHaveAttribute('data-verdict', 'possible');
    expect(c).toHaveTextContent(text(en, 'deadlines.spouse-status-6-months.title'));
  });

  it('labels a 告示外 category as decided at ISA’s discretion, never "Likely eligible"', () => {
    renderApp({
      path: '/results',
      answers: { ...ivana, marriage_end_date: '2026-10-01', separation_date: '2026-10-01' },
    });
    const c = card('unspecified-divorce')!;
    expect(c).toHaveAttribute('data-verdict', 'eligible');
    expect(c.querySelector('.tag--eligible')).toHaveTextContent(text(en, 'engine.verdict.discretionary'));
    expect(c.querySelector('.tag--eligible')).not.toHaveTextContent(text(en, 'engine.verdict.eligible'));
  });

  it('says a change needs a status, and from Temporary Visitor is exceptional', () => {
    renderApp({ path: '/results', answers: { ...ivana, current_status: 'temporary_visitor' } });
    expect(document.body).toHaveTextContent(text(en, 'engine.routeNote.visitor-exceptional'));
  });
});
