// Entry point: the rules and the active language's interface texts load before the first render;
// its question and rule texts right after (App), the other language only if the person switches.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import ruleSet from 'virtual:teiju/rules';
import { today } from './engine/dates';
import { App } from './app/App';
import { createI18n, initialLanguage, loadLocale } from './app/i18n';
import { readLang, safeStorage } from './app/storage';
import { preloadPageOf, preloadPages } from './app/pages/lazy';
import { parseRoute } from './app/router';
import { adoptEntry, resumeExit, watchPageShow } from './app/quickExit';
import './app/styles.css';

async function boot() {
  // "Exit this page" went back into this tool entry from a later document: finish leaving.
  if (resumeExit()) return;
  watchPageShow();
  // An entry the browser made (typed address, bookmark, share link) learns its place for the exit.
  adoptEntry();
  window.addEventListener('hashchange', () => adoptEntry());
  const storage = safeStorage();
  const lang = initialLanguage(location.search, readLang(storage), navigator.languages ?? [navigator.language]);
  document.documentElement.lang = lang;
  // Opened on a page other than the start page (a reload, a share link to the results): fetch
  // its code and its texts now, alongside the interface texts, rather than one after the other.
  const route = parseRoute(location.pathname, location.search);
  if (route.page !== 'start') {
    void preloadPageOf(route)?.catch(() => undefined);
    void loadLocale(lang, 'texts').catch(() => undefined); // App loads them again and reports a failure
  }
  const i18n = createI18n(lang, { [lang]: await loadLocale(lang) });
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App ruleSet={ruleSet} i18n={i18n} asOf={today()} storage={storage} />
    </StrictMode>,
  );
  // The other pages' code, once the first page is up (they are small, and the device may go offline).
  if ('requestIdleCallback' in window) window.requestIdleCallback(() => void preloadPages());
  else setTimeout(() => void preloadPages(), 200);
}

void boot();
