import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadJourney, saveJourney, STORAGE_KEY } from '../../src/app/storage';
import { CARLOS } from './carlos';
import { ASOF, memoryStorage, renderApp, ruleSet, stored, storeJourney } from './helpers';

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
      JSON.stringify({ version: 1, rulesHash: ruleSet.version.hash, answers: { location: 'moon' }, path: [] }),
      JSON.stringify({ version: 1, rulesHash: ruleSet.version.hash, answers: { birth_date: '2999-01-01' }, path: [] }),
      `{"version":1,"rulesHash":"${ruleSet.version.hash}","answers":{"__proto__":"x"},"path":[]}`,
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
    expect(loaded.notice).toEqual({ kind: 'migrated', kept: Object.keys(kept).length, dropped: 2 });
    expect(loaded.journey.answers).toEqual(kept);
    expect(loaded.journey.path[0]).toBe('birth_date');
  });

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
