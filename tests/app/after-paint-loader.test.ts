// The prerendered page's loader (src/prerender/vite-plugin.ts, loadAfterPaint) runs before the app:
// it holds the clicks on the page's buttons and Back link until the app has taken the page over, and an exit
// asked for in that time (the button, or Shift three times) blanks the page at once and is
// finished by the app's own exit when it is ready. Its code is run here as the browser runs it,
// with the app's imports stubbed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NEUTRAL_TITLE, READY_EVENT } from '../../src/app/state/prerender';
import { loadAfterPaint, type LanguageGuess } from '../../src/prerender/vite-plugin';

const TEMPLATE =
  '<!doctype html><html><head><title>t</title><script type="module" crossorigin src="/assets/index.js"></script></head><body><div id="root"></div></body></html>';

let removers: (() => void)[] = [];
function runLoader(guess?: LanguageGuess, early = false) {
  const { code } = loadAfterPaint(TEMPLATE, '/', [], guess, early);
  // Track the listeners the loader adds, so that each test starts from a clean window.
  const spies = [window, document].map((target) => {
    const add = target.addEventListener.bind(target);
    return vi.spyOn(target, 'addEventListener').mockImplementation((type, fn, opts) => {
      add(type, fn, opts);
      removers.push(() => target.removeEventListener(type, fn, opts));
    });
  });
  const imports: string[] = [];
  // The loader is sent as a string; running that very string is the point of this test.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
  new Function('__import', code.replaceAll('import(', '__import('))((u: string) => {
    imports.push(u);
    return Promise.resolve();
  });
  spies.forEach((spy) => spy.mockRestore());
  return imports;
}

function page() {
  document.title = 'Are you married? – Long-Term Resident screening';
  document.body.hidden = false;
  document.body.innerHTML =
    '<div data-quick-exit=""><button type="button">Exit this page</button></div><main><button type="button" id="start">Start</button></main>';
  const exit = vi.fn();
  const start = vi.fn();
  document.querySelector('[data-quick-exit] button')!.addEventListener('click', exit);
  document.getElementById('start')!.addEventListener('click', start);
  return { exit, start };
}

const shift = (type: 'keydown' | 'keyup', timeStamp?: number) => {
  const e = new KeyboardEvent(type, { key: 'Shift', bubbles: true });
  if (timeStamp !== undefined) Object.defineProperty(e, 'timeStamp', { value: timeStamp });
  document.body.dispatchEvent(e);
};
const pressShift = (at: number) => {
  shift('keydown', at);
  shift('keyup', at + 50);
};
const ready = () => window.dispatchEvent(new Event(READY_EVENT));

beforeEach(() => {
  removers = [];
});
afterEach(() => {
  removers.forEach((r) => r());
  document.body.hidden = false;
});

describe('the after-paint loader', () => {
  it('loads the app entry after the first paint', async () => {
    const imports = runLoader();
    await vi.waitFor(() => expect(imports).toContain('/assets/index.js'));
  });

  it('on the results page, has the browser fetch its code at once, at low priority; elsewhere after the paint', () => {
    // The start page's and a question's own text come first; the results have nothing to show
    // until their code has run.
    const also = ['/assets/app.js', '/assets/rules.js'];
    const { html } = loadAfterPaint(TEMPLATE, '/', also, undefined, true);
    const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)" fetchpriority="low">/g)].map(
      (m) => m[1],
    );
    expect(preloads).toEqual(['/assets/index.js', '/assets/app.js', '/assets/rules.js']);
    expect(loadAfterPaint(TEMPLATE, '/', also).html).not.toContain('modulepreload');
    expect(loadAfterPaint(TEMPLATE, '/').html).not.toContain('modulepreload');
  });

  const guess = {
    texts: { en: ['/en-core.js', '/en.js'], ja: ['/ja-core.js', '/ja.js'] },
    fallback: 'en',
    storageKey: 'teiju.lang',
  };

  it('at an address without a language, fetches the texts of the language the app will choose', async () => {
    const languages = vi.spyOn(navigator, 'languages', 'get');
    languages.mockReturnValue(['ja-JP', 'en']);
    let imports = runLoader(guess);
    await vi.waitFor(() => expect(imports).toContain('/assets/index.js'));
    expect(imports).toEqual(expect.arrayContaining(['/ja-core.js', '/ja.js']));
    expect(imports).not.toContain('/en.js');
    // The language chosen earlier in this tab comes first; an unknown one counts for nothing.
    sessionStorage.setItem('teiju.lang', 'en');
    imports = runLoader(guess);
    await vi.waitFor(() => expect(imports).toContain('/en.js'));
    languages.mockReturnValue(['fr']);
    sessionStorage.setItem('teiju.lang', 'xx');
    imports = runLoader(guess);
    await vi.waitFor(() => expect(imports).toContain('/en.js'));
    sessionStorage.clear();
    languages.mockRestore();
  });

  it('on the results page, has those texts fetched at once, at low priority', () => {
    const preloaded = () => {
      const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')];
      links.forEach((l) => l.remove());
      expect(links.every((l) => l.fetchPriority === 'low')).toBe(true);
      return links.map((l) => l.getAttribute('href'));
    };
    const languages = vi.spyOn(navigator, 'languages', 'get');
    languages.mockReturnValue(['ja-JP', 'en']);
    runLoader(guess, true);
    expect(preloaded()).toEqual(['/ja-core.js', '/ja.js']);
    runLoader(guess);
    expect(preloaded()).toEqual([]);
    languages.mockRestore();
  });

  it('holds a click on an ordinary button and replays it once the app is ready', () => {
    const { start } = page();
    runLoader();
    document.getElementById('start')!.click();
    expect(start).not.toHaveBeenCalled();
    ready();
    expect(start).toHaveBeenCalledTimes(1);
    expect(document.body.hidden).toBe(false);
  });

  it('holds a click on the Back link, whose prerendered address is only the start page', () => {
    page();
    document.querySelector('main')!.insertAdjacentHTML('afterbegin', '<a class="back-link" href="/en/">Back</a>');
    const back = vi.fn((e: Event) => e.preventDefault());
    document.querySelector('.back-link')!.addEventListener('click', back);
    runLoader();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.querySelector<HTMLAnchorElement>('.back-link')!.dispatchEvent(click);
    // Not followed to the start page, and not seen by the page yet.
    expect(click.defaultPrevented).toBe(true);
    expect(back).not.toHaveBeenCalled();
    ready();
    expect(back).toHaveBeenCalledTimes(1);
  });

  it('lets any other link go', () => {
    page();
    document.querySelector('main')!.insertAdjacentHTML('afterbegin', '<a class="skip-link" href="#main">Skip</a>');
    runLoader();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.querySelector('.skip-link')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });

  it('blanks the page at once on "Exit this page", and the app exits when ready', () => {
    const { exit } = page();
    runLoader();
    (document.querySelector('[data-quick-exit] button') as HTMLButtonElement).click();
    expect(document.body.hidden).toBe(true);
    expect(document.title).toBe(NEUTRAL_TITLE);
    expect(exit).not.toHaveBeenCalled();
    ready();
    expect(exit).toHaveBeenCalled();
  });

  it('hears Shift pressed three times within a second before the app is ready', () => {
    const { exit } = page();
    runLoader();
    pressShift(1000);
    pressShift(1300);
    expect(document.body.hidden).toBe(false);
    pressShift(1600);
    expect(document.body.hidden).toBe(true);
    expect(document.title).toBe(NEUTRAL_TITLE);
    ready();
    expect(exit).toHaveBeenCalled();
  });

  it('does not exit on Shift presses spread out, or broken by another key', () => {
    const { exit } = page();
    runLoader();
    pressShift(1000);
    pressShift(1600);
    pressShift(2700); // the first is more than a second before the third
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    pressShift(2800);
    pressShift(2900); // "a" reset the count: two presses since
    expect(document.body.hidden).toBe(false);
    ready();
    expect(exit).not.toHaveBeenCalled();
  });

  it('leaves the keys to the app once it is ready', () => {
    const { exit } = page();
    runLoader();
    ready();
    pressShift(1000);
    pressShift(1100);
    pressShift(1200);
    expect(document.body.hidden).toBe(false);
    expect(exit).not.toHaveBeenCalled();
  });
});
