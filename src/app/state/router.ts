// A small History API router: /, /question/<factId>, /check, /results, /sheet (the printable
// result sheet; `both=1`: two languages side by side), /questions (all questions). The URL fragment is left
// alone (reserved for share links). Query parameters: `lang` (language) and `return=check`
// (a change made from the check-your-answers page goes back there). Every path may also start with
// a language of locales/languages.json, /en/… or /ja/… (the prerendered pages of each language); links keep the form of
// the address the person came in on (prefixed or not, with `lang` or not).
import { useSyncExternalStore } from 'react';
import { isLang } from '../../present/languages';

export type Route =
  | { page: 'start' }
  // returnTo: a change from check your answers; changed: the answer changed there, when the question is a new one it opened
  | { page: 'question'; factId: string; returnTo?: 'check'; changed?: string }
  | { page: 'check' }
  | { page: 'results' }
  | { page: 'sheet'; both?: boolean } // the printable result sheet; `?both=1`: the law's language and another side by side
  | { page: 'questions' } // every question on one page (scrivener view)
  | { page: 'save' } // save, load or share the answers (the share link itself is a URL fragment)
  | { page: 'notFound' };

const BASE = (import.meta.env.BASE_URL ?? '/').replace(/\/$/, '');
/** A first path segment that may be a language code (isLang says whether it is one). */
const LANG_PREFIX = /^\/([a-z]{2,3})(?=\/|$)/;

/** The path below the base, without its language prefix; and that language, if any. */
function splitPath(pathname: string): { lang?: string; path: string } {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) || '/' : pathname;
  const m = LANG_PREFIX.exec(path);
  if (!m || !isLang(m[1])) return { path };
  return { lang: m[1], path: path.slice(m[0].length) || '/' };
}

/** The language a path starts with (/en/…, /ja/…), if any. */
export function langOfPath(pathname: string): string | undefined {
  return splitPath(pathname).lang;
}

export function parseRoute(pathname: string, search: string): Route {
  const clean = splitPath(pathname).path.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/index.html') return { page: 'start' };
  if (clean === '/check') return { page: 'check' };
  if (clean === '/results') return { page: 'results' };
  if (clean === '/sheet')
    return new URLSearchParams(search).get('both') === '1' ? { page: 'sheet', both: true } : { page: 'sheet' };
  if (clean === '/questions') return { page: 'questions' };
  if (clean === '/save') return { page: 'save' };
  const m = /^\/question\/([A-Za-z0-9_-]+)$/.exec(clean);
  if (m?.[1]) {
    const params = new URLSearchParams(search);
    const returnTo = params.get('return') === 'check' ? 'check' : undefined;
    if (!returnTo) return { page: 'question', factId: m[1] };
    const changed = params.get('changed');
    return changed && /^[a-z0-9_]+$/.test(changed)
      ? { page: 'question', factId: m[1], returnTo, changed }
      : { page: 'question', factId: m[1], returnTo };
  }
  return { page: 'notFound' };
}

/**
 * The path (with query) of a route; the language prefix (/ja/…) and the `lang` parameter are kept
 * if the current URL has them.
 */
export function hrefOf(
  route: Route,
  search = typeof location === 'undefined' ? '' : location.search,
  pathname = typeof location === 'undefined' ? '/' : location.pathname,
): string {
  const prefix = splitPath(pathname).lang;
  const params = new URLSearchParams();
  const lang = new URLSearchParams(search).get('lang');
  if (lang) params.set('lang', lang);
  let path: string;
  switch (route.page) {
    case 'start':
    case 'notFound':
      path = '/';
      break;
    case 'question':
      path = `/question/${route.factId}`;
      if (route.returnTo) params.set('return', route.returnTo);
      if (route.returnTo && route.changed) params.set('changed', route.changed);
      break;
    case 'check':
      path = '/check';
      break;
    case 'results':
      path = '/results';
      break;
    case 'sheet':
      path = '/sheet';
      if (route.both) params.set('both', '1');
      break;
    case 'questions':
      path = '/questions';
      break;
    case 'save':
      path = '/save';
      break;
  }
  const q = params.toString();
  return `${BASE}${prefix ? `/${prefix}${path}` : path}${q ? `?${q}` : ''}`;
}

export function routeKey(route: Route): string {
  return route.page === 'question'
    ? `question:${route.factId}:${route.returnTo ?? ''}:${route.changed ?? ''}`
    : route.page;
}

// ── the store ──
type Listener = () => void;
const listeners = new Set<Listener>();
let current: { route: Route; href: string; nav: number } | undefined;
let navCount = 0;

function read() {
  const href = location.pathname + location.search;
  if (!current || current.href !== href)
    current = { route: parseRoute(location.pathname, location.search), href, nav: navCount };
  return current;
}

function notify(isNavigation = true) {
  if (isNavigation) navCount += 1;
  current = undefined;
  listeners.forEach((l) => l());
}

const onPop = () => notify(true);

function subscribe(l: Listener) {
  listeners.add(l);
  if (listeners.size === 1) window.addEventListener('popstate', onPop);
  return () => {
    listeners.delete(l);
    if (listeners.size === 0) window.removeEventListener('popstate', onPop);
  };
}

/**
 * How many entries this tab's history holds above the tool's first one: every pushState carries
 * `{ teijuDepth: n }`, and history.state survives reloads. "Exit this page" goes back that far.
 */
export function historyDepth(state: unknown = history.state): number {
  const d = typeof state === 'object' && state !== null ? (state as { teijuDepth?: unknown }).teijuDepth : undefined;
  return typeof d === 'number' && Number.isInteger(d) && d > 0 ? d : 0;
}

export function navigate(route: Route, opts: { replace?: boolean } = {}) {
  const href = hrefOf(route);
  const depth = historyDepth();
  if (opts.replace) history.replaceState({ teijuDepth: depth }, '', href);
  else history.pushState({ teijuDepth: depth + 1 }, '', href);
  notify();
}

/**
 * The language switch: replaces the language in the address (the /en/ or /ja/ prefix, and the
 * query parameter `lang`), if it has one, without a new history entry.
 */
export function setLangParam(lang: string) {
  const params = new URLSearchParams(location.search);
  const { lang: prefix, path } = splitPath(location.pathname);
  if (!params.has('lang') && !prefix) return;
  if (params.has('lang')) params.set('lang', lang);
  const pathname = prefix ? `${BASE}/${lang}${path}` : location.pathname;
  const q = params.toString();
  history.replaceState(history.state, '', `${pathname}${q ? `?${q}` : ''}${location.hash}`);
  notify(false);
}

/** The navigation counter now (read right after navigate() to tie a message to the new page). */
export function currentNav(): number {
  return read().nav;
}

/** The current route and a counter that changes on every navigation (for focus management). */
export function useRoute(): { route: Route; nav: number } {
  return useSyncExternalStore(subscribe, read, read);
}
