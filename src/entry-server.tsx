// Build-time prerendering (react-dom/static, run by src/prerender/plugin.ts after the client
// build): the real App, as its first render draws it in the browser before anything has loaded
// but the interface texts of one language: the start page in full, and the frame of the question,
// check-answers and results pages (header, footer, the page filled in by the app). main.tsx then
// hydrates that HTML. Nothing here may differ from the browser's first render: no rules yet
// (they load after the start page), no answers (they are read with the rules), no stored choices.
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { App } from './app/App';
import { createI18n, ensureLocale, loadLocale, type Lang } from './app/i18n';
import { hrefOf, type Route } from './app/state/router';
import type { PrerenderedPage } from './app/state/prerender';
import type { RuleSet } from './engine/types';
import summary from 'virtual:teiju/rules-summary';

export interface Prerendered {
  /** The markup inside the root element. */
  html: string;
  title: string;
  /** The `<noscript>` explanation, plain text. */
  noscript: { title: string; body: string; otherLanguage: string; startPage: string };
}

const ROUTES: Record<PrerenderedPage, Route> = {
  start: { page: 'start' },
  // any question: the frame is the same for all (the first one the engine asks)
  question: { page: 'question', factId: summary.first[0] ?? 'question' },
  check: { page: 'check' },
  results: { page: 'results' },
};

/** The path a page is served at, in a language (`undefined`: the unprefixed address). */
export function pathOf(page: PrerenderedPage, lang?: Lang): string {
  return hrefOf(ROUTES[page], '', lang ? `/${lang}/` : '/');
}

/** The rules never arrive during prerendering: the first render in the browser has none either. */
const NEVER = new Promise<RuleSet>(() => undefined);

export async function render(page: PrerenderedPage, lang: Lang, path = pathOf(page, lang)): Promise<Prerendered> {
  const i18n = createI18n(lang, { [lang]: await loadLocale(lang) }); // the interface texts, as main.tsx
  // The router and the share-link reader look at the address while rendering.
  const g = globalThis as { location?: unknown };
  const before = g.location;
  g.location = { pathname: path, search: '', hash: '', href: `http://localhost${path}` };
  try {
    const { prelude } = await prerender(
      <StrictMode>
        <App ruleSet={NEVER} i18n={i18n} asOf="2000-01-01" storage={null} />
      </StrictMode>,
    );
    const html = await new Response(prelude as ReadableStream).text();
    // The noscript text is not needed in the browser: it comes from the language's other part.
    const all = createI18n(lang, { [lang]: await loadLocale(lang) });
    await ensureLocale(all, lang);
    const service = i18n.t('ui.service.name');
    const heading = page === 'start' ? i18n.t('ui.start.heading') : undefined;
    return {
      html,
      // As usePageTitle sets it once the page has loaded.
      title: heading ? `${heading} – ${service}` : service,
      noscript: {
        title: all.t('ui.noscript.title'),
        body: all.t('ui.noscript.body'),
        otherLanguage: all.t('ui.noscript.otherLanguage'),
        startPage: all.t('ui.noscript.startPage'),
      },
    };
  } finally {
    g.location = before;
  }
}
