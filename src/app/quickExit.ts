// "Exit this page": leave in one keystroke without a trace in the tab.
//  1. Clear every key the tool stored (sessionStorage and localStorage, by the `teiju.` prefix).
//  2. Blank the page at once (nothing lingers while the browser navigates).
//  3. Leave no tool entry in this tab's history: go back to the tool's first entry
//     (history.state.teijuDepth counts the entries above it), rename that entry to the neutral
//     page, push the neutral page once (a push drops every forward entry, i.e. the tool's other
//     pages), then replace it with the real neutral page. Back then shows the neutral page
//     again, then whatever came before the tool.
// If going back crosses into an older document (after a reload mid-journey), that document is
// loaded afresh: a flag in sessionStorage makes it finish the exit before anything renders.
// The browser's own global history (its list of visited addresses) is out of the page's reach.
import { historyDepth } from './router';
import { removeStoredKeys, safeLocalStorage, safeStorage, type ListableStorage } from './storage';

const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/$/, '');
/** A same-origin static page that says nothing about this tool (public/neutral.html). */
export const NEUTRAL_URL = `${BASE}/neutral.html`;
/** The neutral page's title, shown in the tab while the browser navigates. */
export const NEUTRAL_TITLE = 'Watering houseplants · 観葉植物の水やり';
/** Set while an exit crosses documents; the next document of the tool finishes the exit. */
export const EXITING_KEY = 'teiju.exiting';
/** How long to wait for the browser to go back before finishing anyway. */
export const GO_BACK_TIMEOUT_MS = 1000;

/** What the exit does to the browser; tests replace these (jsdom does not navigate). */
export const exitNavigation = {
  go: (delta: number) => history.go(delta),
  replace: (url: string) => location.replace(url),
  storages: (): (ListableStorage | null)[] => [safeStorage(), safeLocalStorage()],
};

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
  exitNavigation.replace(NEUTRAL_URL);
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
