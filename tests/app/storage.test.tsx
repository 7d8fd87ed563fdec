import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { saveJourney, STORAGE_KEY } from '../../src/app/state/storage';
import { loadJourney } from '../../src/app/state/storage-load';
import { CARLOS } from './carlos';
import { ASOF, en, memoryStorage, renderApp, ruleSet, stored, storeJourney, text } from './helpers';

describe('stored journey', () => {
  it('round-trips answers and path, versioned with the rules hash', () => {
    const storage = memoryStorage();
    saveJourney(storage, ruleSet, { answers: CARLOS, path: Object.keys(CARLOS) });
    const raw = JSON.parse(storage.getItem(STORAGE_KEY)!) as Record<string, unknown>;
    expect(raw).toMatchObject({ version: 1, rulesHash: ruleSet.version.hash, answers: CARLOS });
    expect(loadJourney(storage, ruleSet, ASOF)).toEqual({
      journey: { answers: CARLOS, path: Object.keys(CARLOS) },
    });
  });

  it('refuses unreadable or tampered data with a notice, never throwing', () => {
    const cases = [
      'not json',
      '[]',
      JSON.stringify({ version: 2, rulesHash: ruleSet.version.hash, answers: {}, path: [] }),
      JSON.stringify({ version: 1, rulesHash: ruleSet.version.hash, answers: [], path: [] }),
    ];
    for (const raw of cases) {
      const storage = memoryStorage({ [STORAGE_KEY]: raw });
      expect(loadJourney(storage, ruleSet, ASOF)).toEqual({
        journey: { answers: {}, path: [] },
        notice: { kind: 'refused' },
      });
    }
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
      removeItem: () => undefined,
    };
    expect(loadJourney(broken, ruleSet, ASOF).journey).toEqual({ answers: {}, path: [] });
    expect(() => saveJourney(broken, ruleSet, { answers: CARLOS, path: [] })).not.toThrow();
  });

  it('keeps every answer that passes on its own, and names the questions whose answers went', () => {
    const h = ruleSet.version.hash;
    const bad: [Record<string, unknown>, string[]][] = [
      [{ location: 'moon' }, ['location']],
      [{ birth_date: '2999-01-01' }, ['birth_date']],
      [JSON.parse('{"__proto__":"x"}') as Record<string, unknown>, []],
    ];
    for (const [answers, facts] of bad) {
      const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ version: 1, rulesHash: h, answers, path: [] }) });
      expect(loadJourney(storage, ruleSet, ASOF)).toEqual({
        journey: { answers: {}, path: [] },
        notice: { kind: 'damaged', kept: 0, dropped: 1, facts },
      });
    }
    // One bad answer among good ones: the good ones stay.
    const storage = memoryStorage();
    storeJourney(storage, { ...CARLOS, location: 'moon' }, Object.keys(CARLOS), h);
    const { location: _gone, ...rest } = CARLOS;
    void _gone;
    const loaded = loadJourney(storage, ruleSet, ASOF);
    expect(loaded.notice).toEqual({ kind: 'damaged', kept: Object.keys(rest).length, dropped: 1, facts: ['location'] });
    expect(loaded.journey.answers).toEqual(rest);
    // Two dates that contradict each other: the later question's answer goes.
    storeJourney(
      storage,
      { birth_date: '1990-01-01', marriage_date: '2020-05-01', marriage_end_date: '2019-04-01' },
      ['birth_date', 'marriage_date', 'marriage_end_date'],
      h,
    );
    expect(loadJourney(storage, ruleSet, ASOF)).toMatchObject({
      journey: { answers: { birth_date: '1990-01-01', marriage_date: '2020-05-01' } },
      notice: { kind: 'damaged', kept: 2, dropped: 1, facts: ['marriage_end_date'] },
    });
  });

  it('migrates a journey from older rules: keeps what still validates, drops the rest', () => {
    const storage = memoryStorage();
    storeJourney(
      storage,
      { ...CARLOS, retired_fact: 'yes', location: 'mars' },
      ['location', 'retired_fact', 'birth_date'],
      'an-older-hash',
    );
    const { location: _drop, ...kept } = CARLOS;
    void _drop;
    const loaded = loadJourney(storage, ruleSet, ASOF);
    expect(loaded.notice).toEqual({
      kind: 'migrated',
      kept: Object.keys(kept).length,
      dropped: 2,
      facts: ['location'],
    });
    expect(loaded.journey.answers).toEqual(kept);
    expect(loaded.journey.path[0]).toBe('birth_date');
  });

  it('a damaged key sends /check and /results to the start with its message; a partly damaged one stays', () => {
    for (const path of ['/check', '/results']) {
      const damaged = memoryStorage({ [STORAGE_KEY]: '{"version":1,"answers":' });
      const { unmount } = renderApp({ path, storage: damaged });
      expect(window.location.pathname).toBe('/');
      expect(screen.getByRole('alert')).toHaveTextContent('Your earlier answers could not be restored');
      unmount();

      const partly = memoryStorage();
      storeJourney(partly, { ...CARLOS, birth_date: '1990-02-30' }, Object.keys(CARLOS));
      const again = renderApp({ path, storage: partly });
      expect(window.location.pathname).toBe(path);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent('Some of your answers could not be restored');
      expect(alert).toHaveTextContent(
        `1 answer saved in this tab could not be read and was removed; the other ${Object.keys(CARLOS).length - 1} were kept.`,
      );
      expect(alert).toHaveTextContent(text(en, 'facts.birth_date.question'));
      again.unmount();
    }
  }, 20_000); // renders several pages

  it('tells the person on the page, and the page still works', async () => {
    const refused = memoryStorage({ [STORAGE_KEY]: '{"version":1,"answers":' });
    const { unmount } = renderApp({ path: '/question/location', storage: refused });
    expect(screen.getByRole('alert')).toHaveTextContent('Your earlier answers could not be restored');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    unmount();

    const old = memoryStorage();
    storeJourney(old, { ...CARLOS, retired_fact: 'yes' }, Object.keys(CARLOS), 'an-older-hash');
    const { user } = renderApp({ path: '/check', storage: old });
    expect(screen.getByRole('status')).toHaveTextContent('The questions have been updated since you started');
    expect(screen.getByRole('status')).toHaveTextContent('1 answer no longer fits');
    expect(document.querySelectorAll('.summary-list__row')).toHaveLength(Object.keys(CARLOS).length);
    // Saved again under the current rules.
    await user.click(screen.getByRole('button', { name: 'See your results' }));
    expect(JSON.parse(old.getItem(STORAGE_KEY)!)).toMatchObject({ rulesHash: ruleSet.version.hash });
    expect(stored(old)?.answers).toEqual(CARLOS);
  });

  it('keeps the journey over a reload (a new App on the same storage)', async () => {
    const storage = memoryStorage();
    const first = renderApp({ path: '/question/location', storage });
    await first.user.click(screen.getByLabelText('Outside Japan'));
    await first.user.click(screen.getByRole('button', { name: 'Continue' }));
    const where = window.location.pathname;
    first.unmount();
    const second = renderApp({ path: where, storage });
    expect(window.location.pathname).toBe(where);
    await second.user.click(screen.getByRole('link', { name: 'Back' }));
    expect(screen.getByLabelText('Outside Japan')).toBeChecked();
  });

  it('"Clear my answers" is always there, asks first, and forgets everything', async () => {
    const { user, storage } = renderApp({ path: '/check', answers: CARLOS });
    await user.click(screen.getByRole('button', { name: 'Clear my answers' }));
    expect(screen.getByRole('button', { name: 'Yes, clear' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(storage.getItem(STORAGE_KEY)).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear my answers' }));
    await user.click(screen.getByRole('button', { name: 'Yes, clear' }));
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(window.location.pathname).toBe('/');
    expect(await screen.findByRole('status')).toHaveTextContent('Your answers have been cleared');
  });
});
