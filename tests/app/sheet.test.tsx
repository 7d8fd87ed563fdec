// The printable result sheet: everything a scrivener hands over, in one language or in Japanese
// and English side by side, each block with its own `lang`.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen as screenRules } from '../../src/engine/evaluate';
import { documentChecklist } from '../../src/present';
import { ASOF_KEY, PRO_KEY } from '../../src/app/state/scrivener';
import { loadPersonas } from '../support/cases';
import { CARLOS } from './carlos';
import { ASOF, en, ja, memoryStorage, renderApp, ruleSet, text } from './helpers';

const personas = loadPersonas();
const grace = personas.find((p) => p.persona === 29)!;
const sheet = () => document.querySelector<HTMLElement>('.sheet')!;
const category = (id: string) => sheet().querySelector<HTMLElement>(`.sheet-category[data-rule-id="${id}"]`)!;

afterEach(() => vi.restoreAllMocks());

describe('result sheet', () => {
  it('shows the answers, every category with its conditions, the checklist, the as-of date, the rules and the date printed', async () => {
    const { user } = renderApp({ path: '/sheet', answers: CARLOS });
    expect(screen.getByRole('heading', { level: 1, name: 'Result sheet' })).toBeInTheDocument();
    expect(sheet()).toHaveAttribute('data-langs', 'en');
    expect(sheet()).toHaveTextContent(text(en, 'ui.sheet.title'));
    const meta = sheet().querySelector('.sheet-meta')!;
    expect(meta).toHaveTextContent('Screened as of23 November 2026');
    expect(meta).toHaveTextContent('Printed on23 November 2026');
    expect(meta).toHaveTextContent(`version ${ruleSet.version.hash}`);
    expect(sheet()).toHaveTextContent(text(en, 'engine.disclaimer'));

    // Every answer, question → answer.
    const rows = sheet().querySelectorAll('.sheet-answers tr[data-fact]');
    expect(rows).toHaveLength(Object.keys(CARLOS).length);
    const location = sheet().querySelector('.sheet-answers tr[data-fact="location"]')!;
    expect(location).toHaveTextContent(text(en, 'facts.location.question'));
    expect(location).toHaveTextContent(text(en, 'facts.location.options.abroad'));

    // The category that fits: ✓ lines with their word, the citation, the periods, the routes.
    const c = category('notified-3');
    expect(within(c).getByRole('heading', { name: text(en, 'rules.notified-3.title') })).toBeInTheDocument();
    const lines = c.querySelectorAll('.sheet-trace li');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) {
      expect(l).toHaveAttribute('data-truth', 'met');
      expect(l).toHaveTextContent(/^✓ met:/);
    }
    expect(c).toHaveTextContent(text(en, 'laws.kokuji-132'));
    expect(c).toHaveTextContent('5 years, 3 years, 1 year, 6 months');
    expect(c).toHaveTextContent('✓ Certificate of Eligibility from abroad');
    expect(c).toHaveTextContent('✗ Change of status of residence in Japan');

    // Categories that do not fit (once asked for), with the conditions they fail (✗).
    expect(sheet().querySelector('[data-group="notEligible"]')).toBeNull();
    await user.click(screen.getByLabelText('Include the categories that do not fit, with the conditions they fail'));
    const n4 = category('notified-4');
    expect(n4.closest('[data-group]')).toHaveAttribute('data-group', 'notEligible');
    const failing = n4.querySelectorAll('.sheet-trace li');
    expect(failing.length).toBeGreaterThan(0);
    for (const l of failing) expect(l).toHaveTextContent(/^✗ not met:/);

    // The merged document checklist.
    const screening = screenRules(ruleSet, CARLOS, ASOF);
    const entries = documentChecklist(ruleSet, screening, [(k) => text(en, k)]);
    const items = sheet().querySelectorAll('.sheet-checklist .checklist__item');
    expect(items).toHaveLength(entries.length);
    expect(items[0]).toHaveTextContent(text(en, entries[0]!.textKeys[0]!));
  });

  it('leaves out the categories that do not fit unless asked, for a shorter sheet', async () => {
    const { user } = renderApp({ path: '/sheet', answers: CARLOS });
    const option = screen.getByLabelText('Include the categories that do not fit, with the conditions they fail');
    expect(option).not.toBeChecked();
    expect(sheet().querySelector('[data-group="notEligible"]')).toBeNull();
    await user.click(option);
    expect(sheet().querySelector('[data-group="notEligible"]')).not.toBeNull();
    await user.click(option);
    expect(sheet().querySelector('[data-group="notEligible"]')).toBeNull();
    // The summary still counts them, and the category that fits is all there.
    const deleted = new Set(ruleSet.rules.filter((r) => r.deleted).map((r) => r.id));
    const notFit = screenRules(ruleSet, CARLOS, ASOF).results.filter(
      (r) => !deleted.has(r.id) && r.verdict === 'not_eligible' && !r.nearMiss,
    );
    expect(sheet()).toHaveTextContent(`${notFit.length} categories do not fit`);
    expect(category('notified-3')).not.toBeNull();
  });

  it('prints a reference (client name or file number) at the top, kept with the answers in the tab only', async () => {
    const { user, storage } = renderApp({ path: '/sheet', answers: CARLOS });
    expect(sheet().querySelector('.sheet-meta__reference')).toBeNull();
    await user.type(screen.getByLabelText('Reference (optional)'), 'File 2026-117');
    expect(sheet().querySelector('.sheet-meta')).toHaveTextContent('ReferenceFile 2026-117');
    expect(sheet().querySelector('.sheet-meta dt')).toHaveTextContent('Reference');
    expect(storage.getItem('teiju.reference')).toBe('File 2026-117');
    // Not in the answers kept for the journey (and so not in a share link or an exported file).
    expect(storage.getItem('teiju.journey')).not.toContain('2026-117');
    await user.clear(screen.getByLabelText('Reference (optional)'));
    expect(storage.getItem('teiju.reference')).toBeNull();
  });

  it('starts with the headline sentences, as on the results page', () => {
    renderApp({ path: '/sheet', answers: CARLOS });
    const h = sheet().querySelector('[data-section="headline"]')!;
    expect(h).toHaveTextContent('Nikkei 2nd or 3rd generation (告示3号 日系2世・3世)');
    expect(h).toHaveTextContent('Certificate of Eligibility (在留資格認定証明書)');
    expect(h).toHaveTextContent('https://www.moj.go.jp/isa/applications/procedures/16-1.html?hl=en');
  });

  it('prints with the browser', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = renderApp({ path: '/sheet', answers: CARLOS });
    await user.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('puts Japanese and English side by side, each block with its lang attribute', async () => {
    const { user } = renderApp({ path: '/sheet', answers: grace.answers });
    await user.click(screen.getByLabelText('Japanese and English side by side'));
    await waitFor(() => expect(sheet()).toHaveAttribute('data-langs', 'ja,en'));
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toBeEnabled();

    // Every column says its language; Japanese left, English right.
    const cols = [...sheet().querySelectorAll('.sheet-col')];
    expect(cols.length).toBeGreaterThan(10);
    for (let i = 0; i < cols.length; i += 2) {
      expect(cols[i]).toHaveAttribute('lang', 'ja');
      expect(cols[i + 1]).toHaveAttribute('lang', 'en');
    }
    // A category in both languages.
    const [cja, cen] = category('unspecified-marital-breakdown').querySelectorAll('.sheet-col');
    expect(cja).toHaveTextContent(text(ja, 'rules.unspecified-marital-breakdown.title'));
    expect(cja).toHaveTextContent(/✓ 満たす：/);
    expect(cen).toHaveTextContent(text(en, 'rules.unspecified-marital-breakdown.title'));
    expect(cen).toHaveTextContent(/✓ met:/);
    // The headings carry both languages, each part marked.
    const heading = screen.getByRole('heading', { level: 2, name: /回答内容.*Answers/ });
    expect(heading.querySelector('[lang="ja"]')).toHaveTextContent('回答内容');
    expect(heading.querySelector('[lang="en"]')).toHaveTextContent('Answers');
    // The answers table: question and answer in each language, on the same row.
    const row = sheet().querySelector('.sheet-answers tr[data-fact="location"]')!;
    const cells = [...row.querySelectorAll('td')];
    expect(cells.map((td) => td.getAttribute('lang'))).toEqual(['ja', 'ja', 'en', 'en']);
    expect(cells[0]).toHaveTextContent(text(ja, 'facts.location.question'));
    expect(cells[1]).toHaveTextContent(text(ja, 'facts.location.options.in_japan'));
    expect(cells[3]).toHaveTextContent(text(en, 'facts.location.options.in_japan'));
    // Dates in each language's form.
    const metas = sheet().querySelectorAll('.sheet-meta');
    expect(metas[0]).toHaveTextContent('2026年11月23日');
    expect(metas[1]).toHaveTextContent('23 November 2026');
    // The checklist, item by item in both languages.
    const doc = sheet().querySelector('.sheet-checklist__row')!;
    const [dja, den] = doc.querySelectorAll('.sheet-col');
    expect(dja!.querySelector('.checklist__doc')!.textContent).not.toBe(
      den!.querySelector('.checklist__doc')!.textContent,
    );
  });

  it('opens side by side from /sheet?both=1 in the Japanese interface', async () => {
    renderApp({ path: '/sheet?both=1', answers: CARLOS, lang: 'ja' });
    expect(screen.getByRole('heading', { level: 1, name: '判定結果シート' })).toBeInTheDocument();
    expect(screen.getByLabelText('日本語と英語を左右に並べる')).toBeChecked();
    await waitFor(() => expect(sheet()).toHaveAttribute('data-langs', 'ja,en'));
    const [cja, cen] = category('notified-3').querySelectorAll('.sheet-col');
    expect(cja).toHaveAttribute('lang', 'ja');
    expect(cja).toHaveTextContent(text(ja, 'rules.notified-3.title'));
    expect(cen).toHaveAttribute('lang', 'en');
    expect(cen).toHaveTextContent(text(en, 'rules.notified-3.title'));
  });

  it('shows a chosen as-of date clearly, and the ids in the scrivener view', () => {
    renderApp({
      path: '/sheet',
      answers: CARLOS,
      storage: memoryStorage({ [ASOF_KEY]: '2027-04-01', [PRO_KEY]: '1' }),
    });
    const meta = sheet().querySelector('.sheet-meta')!;
    expect(meta).toHaveTextContent(
      'Screened as of1 April 2027 (a date chosen for this screening, not the day it was printed)',
    );
    expect(meta).toHaveTextContent('Printed on23 November 2026');
    expect(within(category('notified-3')).getByText('notified-3', { selector: 'code' })).toBeInTheDocument();
    expect(within(sheet()).getAllByText('birth_date', { selector: 'code' }).length).toBeGreaterThan(0);
    expect(category('notified-3')).toHaveTextContent('Sources: S55, S80, S81, S35');
  });

  it('needs answers: without any, it goes to the start page', () => {
    renderApp({ path: '/sheet' });
    expect(window.location.pathname).toBe('/');
  });

  it('is linked from the results page', async () => {
    const { user } = renderApp({ path: '/results', answers: CARLOS });
    await user.click(screen.getByRole('link', { name: 'Print the results or save them as PDF' }));
    expect(window.location.pathname).toBe('/sheet');
    expect(screen.getByRole('heading', { level: 1, name: 'Result sheet' })).toBeInTheDocument();
  });
});

describe('dates to keep on the sheet', () => {
  it('prints the deadlines the answers give, with the excuse the answers establish', () => {
    renderApp({ path: '/sheet', answers: grace.answers });
    const section = sheet().querySelector<HTMLElement>('[data-section="deadlines"]')!;
    expect(section).toHaveTextContent(text(en, 'ui.sheet.deadlines.title'));
    const six = section.querySelector('[data-deadline="spouse-status-6-months"]')!;
    expect(six).toHaveAttribute('data-passed', 'true');
    expect(six).toHaveTextContent(text(en, 'deadlines.spouse-status-6-months.excused'));
    expect(category('unspecified-marital-breakdown')).toHaveTextContent(text(en, 'engine.verdict.discretionary'));
  });
});
