// "Exit this page": leave in one keystroke without a trace in the tab.
//  1. Clear every key the tool stored (sessionStorage and localStorage, by the `teiju.` prefix).
//  2. Blank the page at once (nothing lingers while the browser navigates).
//  3. Leave no tool entry in this tab's history: go back to the tool's first entry
//     (history.state.teijuDepth counts the entries above it), rename that entry to the neutral
//     page, push the neutral page once (a push drops every forward entry, i.e. the tool's other
//     pages), then replace it with the exit's destination: an ordinary site on another origin
//     (VITE_EXIT_URL, a weather page by default), so the tool's address leaves the address bar,
//     or the neutral page when that is switched off. Back then shows the neutral page, then
//     whatever came before the tool.
// Every entry knows its depth, whatever opened it: the tool's pushes count up, and an entry the
// browser made (a typed address, a bookmark, a share link, in this tab) gets its depth from the
// index of the tool's first entry, kept in sessionStorage (adoptEntry below). A reload, Back and
// Forward keep history.state, so the depth survives them.
// If going back crosses into an older document (a reload or a typed address mid-journey), that
// document is loaded afresh, or comes back from the browser's back-forward cache: a flag in
// sessionStorage makes it finish the exit before anything renders.
// The browser's own global history (its list of visited addresses) is out of the page's reach.
import { NEUTRAL_TITLE } from './prerender';
import { historyDepth } from './router';
import {
  HISTORY_KEY,
  readItem,
  removeStoredKeys,
  safeLocalStorage,
  safeStorage,
  writeItem,
  type ListableStorage,
} from './storage';

const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/$/, '');
/** A same-origin static page that says nothing about this tool (public/neutral.html). */
export const NEUTRAL_URL = `${BASE}/neutral.html`;
/** The default destination: an ordinary weather page, on another origin. */
export const DEFAULT_EXIT_URL = 'https://tenki.jp/';

/**
 * Where the exit goes, from the build-time setting VITE_EXIT_URL: unset, the default weather
 * page; `same-origin` (or empty), the neutral page of this site; otherwise an absolute http(s)
 * address (anything else falls back to the neutral page).
 */
export function exitDestination(setting: string | undefined): string {
  if (setting === undefined) return DEFAULT_EXIT_URL;
  const v = setting.trim();
  if (v === '' || v === 'same-origin') return NEUTRAL_URL;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : NEUTRAL_URL;
  } catch {
    return NEUTRAL_URL;
  }
}

/** This build's destination. */
export const EXIT_URL = exitDestination(import.meta.env.VITE_EXIT_URL as string | undefined);
/** Set while an exit crosses documents; the next document of the tool finishes the exit. */
export const EXITING_KEY = 'teiju.exiting';
/** How long to wait for the browser to go back before finishing anyway. */
export const GO_BACK_TIMEOUT_MS = 1000;

/** What the exit does to the browser; tests replace these (jsdom does not navigate). */
export const exitNavigation = {
  go: (delta: number) => history.go(delta),
  replace: (url: string) => location.replace(url),
  destination: () => EXIT_URL,
  storages: (): (ListableStorage | null)[] => [safeStorage(), safeLocalStorage()],
};

export { NEUTRAL_TITLE };

let exiting = false;
let finished = false;

let appStorage: ListableStorage | null = null;

function clearAll(keep: string[] = []) {
  for (const s of [...exitNavigation.storages(), appStorage]) removeStoredKeys(s, keep);
}

/**
 * The last word as the document goes: whatever the app may still have written after the exit
 * started is removed (the flag stays while the exit continues in an older document).
 */
function onPageHide() {
  clearAll(finished ? [] : [EXITING_KEY]);
}

function blank() {
  if (typeof document === 'undefined') return;
  document.title = NEUTRAL_TITLE;
  if (document.body) document.body.hidden = true;
}

/** Renames the current entry, drops the forward ones, and replaces the page with the neutral one. */
function finish() {
  finished = true;
  try {
    history.replaceState(null, '', NEUTRAL_URL);
    history.pushState(null, '', NEUTRAL_URL);
  } catch {
    /* history blocked: the replace below still leaves the tool */
  }
  clearAll();
  exitNavigation.replace(exitNavigation.destination());
}

/**
 * Leaves the tool now. `storage` is the app's own storage (cleared with the browser's ones).
 * Safe to call twice.
 */
export function quickExit(storage?: ListableStorage | null): void {
  if (exiting) return;
  exiting = true;
  appStorage = storage ?? null;
  clearAll();
  blank();
  window.addEventListener('pagehide', onPageHide);
  const depth = historyDepth();
  if (depth === 0) return finish();
  // Going back may reach an older document (see above): it finishes the exit on load.
  const session = exitNavigation.storages()[0];
  try {
    session?.setItem(EXITING_KEY, '1');
  } catch {
    /* without the flag an older document would show the start page, with nothing stored */
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    window.removeEventListener('popstate', once);
    clearTimeout(timer);
    finish();
  };
  window.addEventListener('popstate', once);
  const timer = setTimeout(once, GO_BACK_TIMEOUT_MS);
  // The tool's own entry in the address bar is the first thing to go.
  try {
    history.replaceState(history.state, '', NEUTRAL_URL);
  } catch {
    /* keep going */
  }
  exitNavigation.go(-depth);
}

/**
 * At start-up: finishes an exit that crossed into this document. Returns true if it did (then
 * the app must not render).
 */
export function resumeExit(): boolean {
  const session = exitNavigation.storages()[0];
  let flagged: boolean;
  try {
    flagged = session?.getItem(EXITING_KEY) === '1';
  } catch {
    return false;
  }
  if (!flagged) return false;
  exiting = true;
  blank();
  window.addEventListener('pagehide', onPageHide);
  finish();
  return true;
}

/**
 * At start-up, and when a share link opens in the same document: gives an entry the browser
 * made (no depth in history.state: a typed address, a bookmark, a link) its depth above the
 * tool's first entry in this tab. Such an entry is the newest of the tab's history (index
 * history.length - 1); the first entry's index is kept in sessionStorage.
 */
export function adoptEntry(session: ListableStorage | null = exitNavigation.storages()[0] ?? null): void {
  try {
    const state: unknown = history.state;
    const own = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
    if (typeof own.teijuDepth === 'number') return; // a known entry (reload, Back, Forward)
    const index = history.length - 1;
    const first = Number(readItem(session, HISTORY_KEY) ?? NaN);
    let depth = 0;
    if (Number.isInteger(first) && first >= 0 && first < index) depth = index - first;
    else writeItem(session, HISTORY_KEY, String(index));
    history.replaceState({ ...own, teijuDepth: depth }, '');
  } catch {
    /* history or storage blocked: the exit still replaces this entry */
  }
}

/** When a document of the tool comes back from the back-forward cache during an exit, it finishes it. */
export function watchPageShow(): void {
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) resumeExit();
  });
}

/** Tests only: forget that an exit started. */
export function resetExitForTests(): void {
  exiting = false;
  finished = false;
  appStorage = null;
  window.removeEventListener('pagehide', onPageHide);
}

/**
 * The keyboard shortcut: Shift pressed three times within `windowMs`. A Shift press counts when
 * it is released without any other key pressed meanwhile (Shift used for a capital letter or a
 * shortcut does not count), and any other key starts the count again. Pure: feed it key events.
 */
export function shiftCounter(opts: { onTriple: () => void; onCount?: (n: number) => void; windowMs?: number }) {
  const windowMs = opts.windowMs ?? 1000;
  let presses: number[] = [];
  let down = false;
  let clean = false;
  return {
    keydown(e: Pick<KeyboardEvent, 'key' | 'repeat' | 'timeStamp'>) {
      if (e.key === 'Shift') {
        if (!e.repeat) {
          down = true;
          clean = true;
        }
        return;
      }
      clean = false;
      if (presses.length) {
        presses = [];
        opts.onCount?.(0);
      }
    },
    keyup(e: Pick<KeyboardEvent, 'key' | 'timeStamp'>) {
      if (e.key !== 'Shift' || !down) return;
      down = false;
      if (!clean) return;
      presses = [...presses.filter((t) => e.timeStamp - t < windowMs), e.timeStamp];
      if (presses.length >= 3) {
        presses = [];
        opts.onTriple();
      } else opts.onCount?.(presses.length);
    },
  };
}
