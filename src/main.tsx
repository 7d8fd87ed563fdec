// Entry point. The page arrives prerendered (src/entry-server.tsx): the start page in each
// language, the frame of the other pages. The active language's interface texts load before the
// first render, which hydrates that HTML when it was made for this address and language (and
// renders afresh otherwise); the rules, and the question and rule texts, load right after,
// while the person reads (App); the other language only if the person switches.
import { StrictMode, startTransition, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { today } from './engine/calendar';
import { App } from './app/App';
import { createI18n, initialLanguage, loadLocale } from './app/i18n';
import { readLang, safeStorage } from './app/state/storage';
import { preloadPageOf, preloadPagesWhenIdle } from './app/pages/lazy';
import { langOfPath, parseRoute } from './app/state/router';
import { adoptEntry, resumeExit, watchPageShow } from './app/state/quickExit';
import { prerenderedFor, PRERENDER_ATTR, READY_EVENT, readSeed } from './app/state/prerender';
import { loadEngine } from './app/state/useRules';
import './app/styles.css';

/**
 * Renders nothing; says when the app has taken the page over (the prerendered page's loader
 * replays held clicks then): once the browser is idle after the root's first commit, as the page
 * inside its Suspense boundary hydrates after the root.
 */
function Ready() {
  useEffect(() => {
    const ready = () => {
      document.documentElement.dataset.ready = ''; // for browser tests: the app has the page
      window.dispatchEvent(new Event(READY_EVENT));
    };
    if ('requestIdleCallback' in window) window.requestIdleCallback(ready, { timeout: 1000 });
    else setTimeout(ready, 100);
  }, []);
  return null;
}

async function boot() {
  // "Exit this page" went back into this tool entry from a later document: finish leaving.
  if (resumeExit()) return;
  watchPageShow();
  // An entry the browser made (typed address, bookmark, share link) learns its place for the exit.
  adoptEntry();
  window.addEventListener('hashchange', () => adoptEntry());
  const storage = safeStorage();
  const lang =
    langOfPath(location.pathname) ??
    initialLanguage(location.search, readLang(storage), navigator.languages ?? [navigator.language]);
  const route = parseRoute(location.pathname, location.search);
  // A page prerendered with a seed: a question's texts, or all the texts the results page draws
  // its headline with (`whole`: it then needs no text file before that).
  const seed = readSeed(document, route, lang);
  const whole = seed?.whole;
  // Opened on a page other than the start page (a reload, a share link to the results): fetch
  // its code and its texts now, alongside the interface texts, rather than one after the other.
  if (route.page !== 'start') {
    void preloadPageOf(route)?.catch(() => undefined);
    if (!whole) void loadLocale(lang, 'texts').catch(() => undefined); // App loads them again and reports a failure
  }
  // The rules and the engine are not needed to show the start page: they load alongside.
  const ruleSet = Promise.all([import('virtual:teiju/rules'), loadEngine()]).then(([m]) => m.default);
  const i18n = createI18n(lang, { [lang]: whole ? seed.texts : await loadLocale(lang) });
  const root = document.getElementById('root');
  if (!root) return;
  if (seed) {
    if (!whole) i18n.addResourceBundle(lang, 'translation', seed.texts, true, false);
    // The question's code before hydrating (the page's loader fetched it alongside): the question
    // then hydrates with the rest, before the rules can arrive and change what it shows.
    await preloadPageOf(route)?.catch(() => undefined);
  }
  const app = (
    <StrictMode>
      <App ruleSet={ruleSet} i18n={i18n} asOf={today()} storage={storage} seed={seed} />
      <Ready />
    </StrictMode>
  );
  // In a transition, React hydrates in slices between which the browser can paint and respond,
  // rather than in one long task (the page is already painted, so nothing is waiting for it).
  if (prerenderedFor(root.getAttribute(PRERENDER_ATTR), route, lang, seed))
    startTransition(() => void hydrateRoot(root, app));
  else {
    // Made for another page or language (a static host's fallback, a chosen language): drawn afresh.
    root.removeAttribute(PRERENDER_ATTR);
    root.replaceChildren();
    createRoot(root).render(app);
  }
  document.documentElement.lang = lang;
  // The other pages' code, once the first page is up (they are small, and the device may go
  // offline); on the results, once they are drawn (ResultsPage), not while they are worked out.
  if (route.page !== 'results') preloadPagesWhenIdle();
}

void boot();
