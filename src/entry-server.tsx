// Build-time prerendering (react-dom/static, run by src/prerender/plugin.ts after the client
// build): the real App, as its first render draws it in the browser before anything has loaded
// but the interface texts of one language: the start page in full, and the frame of the question,
// check-answers and results pages (header, footer, the page filled in by the app). main.tsx then
// hydrates that HTML. Nothing here may differ from the browser's first render: no rules yet
// (they load after the start page), no answers (they are read with the rules), no stored choices.
// A question page is prerendered with its question: the page carries a seed (the question's fact
// and the texts its page reads), from which the browser's first render draws the same; the results
// page with the texts its headline reads, so that a share link's headline waits for no text file.
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { App } from './app/App';
import type { i18n as I18n } from 'i18next';
import { createI18n, ensureLocale, loadLocale, type Bundle, type Lang } from './app/i18n';
import { hrefOf, type Route } from './app/state/router';
import type { PageSeed, PrerenderedPage } from './app/state/prerender';
import type { RuleSet } from './engine/types';
import { pathIn, putIn, resultsSeedTexts } from './prerender/results-seed';
import summary from 'virtual:teiju/rules-summary';
import rules from 'virtual:teiju/rules';

export interface Prerendered {
  /** The markup inside the root element. */
  html: string;
  title: string;
  /** The `<noscript>` explanation, plain text. */
  noscript: { title: string; body: string; otherLanguage: string; startPage: string };
  /** A question page's seed (the page is then that question's, not the frame), or the results page's. */
  seed?: PageSeed;
}

/** Every question of the catalogue: each gets its own prerendered page. */
export const questionIds = (): string[] => rules.facts.map((f) => f.id);

const ROUTES: Record<PrerenderedPage, Route> = {
  start: { page: 'start' },
  // any question: the frame is the same for all (the first one the engine asks)
  question: { page: 'question', factId: summary.first[0] ?? 'question' },
  check: { page: 'check' },
  results: { page: 'results' },
};

/** The path a page is served at, in a language (`undefined`: the unprefixed address); `factId`: a question's. */
export function pathOf(page: PrerenderedPage, lang?: Lang, factId?: string): string {
  const route: Route = factId ? { page: 'question', factId } : ROUTES[page];
  return hrefOf(route, '', lang ? `/${lang}/` : '/');
}

/** The main heading of the pages prerendered with one (a question's is its question), for the title. */
const HEADING_KEY: Partial<Record<PrerenderedPage, string>> = {
  start: 'ui.start.heading',
  results: 'ui.results.heading',
};

/** The rules never arrive during prerendering: the first render in the browser has none either. */
const NEVER = new Promise<RuleSet>(() => undefined);

async function renderApp(i18n: I18n, seed?: PageSeed): Promise<string> {
  const { prelude } = await prerender(
    <StrictMode>
      <App ruleSet={NEVER} i18n={i18n} asOf="2000-01-01" storage={null} seed={seed} />
    </StrictMode>,
  );
  return new Response(prelude as ReadableStream).text();
}

/** An i18next instance with all of a language's texts (both parts, as the browser has them in the end). */
async function allTexts(lang: Lang, core: Bundle): Promise<I18n> {
  const all = createI18n(lang, { [lang]: structuredClone(core) });
  await ensureLocale(all, lang);
  return all;
}

/**
 * A question's page and its seed. The page is rendered with all the texts while the texts it reads
 * are recorded (those not among the interface texts the browser has first); it is rendered again
 * from the interface texts and that seed alone, as the browser will, and both must be the same.
 */
async function renderSeeded(lang: Lang, core: Bundle, factId: string): Promise<{ html: string; seed: PageSeed }> {
  const fact = rules.facts.find((f) => f.id === factId);
  if (!fact) throw new Error(`prerender: no question ${factId}`);
  const full = await allTexts(lang, core);
  // i18next reads every text through its store's getResource (not in its public types).
  type Get = (lng: string, ns: string, key?: string | string[], options?: object) => unknown;
  const store = full.services.resourceStore as unknown as { getResource: Get };
  const get = store.getResource.bind(store);
  const read: Bundle = {};
  store.getResource = ((lng: string, ns: string, key?: string | string[], options?: object) => {
    const value = get(lng, ns, key, options);
    if (key === undefined) return value; // a whole namespace (i18next's own checks)
    const path = Array.isArray(key) ? key : key.split('.');
    // The rule texts are what tells the browser the texts have all arrived (hasTexts): never in a
    // question's seed (the results page's has their titles, but no question's texts).
    if (lng === lang && value !== undefined && path[0] !== 'rules' && pathIn(core, path) === undefined)
      putIn(read, path, value);
    return value;
  }) satisfies Get;
  const seed: PageSeed = { fact, texts: read };
  const html = await renderApp(full, seed);
  const browser = createI18n(lang, { [lang]: structuredClone(core) });
  browser.addResourceBundle(lang, 'translation', structuredClone(read), true, false);
  if ((await renderApp(browser, seed)) !== html)
    throw new Error(`prerender: the question ${factId} (${lang}) does not render the same from its seed`);
  return { html, seed };
}

/**
 * The results page and its seed: the interface texts and all that its headline reads
 * (src/prerender/results-seed.ts), so that a share link's headline waits for no text file. Drawn
 * as main.tsx draws it (i18next given the seed's texts alone), which must be the same as with all
 * the texts: no text of the frame is missing from the seed.
 */
async function renderResults(lang: Lang, core: Bundle): Promise<{ html: string; seed: PageSeed }> {
  const texts = resultsSeedTexts(core, await loadLocale(lang, 'texts'));
  const seed: PageSeed = { texts, whole: true, lang };
  const html = await renderApp(createI18n(lang, { [lang]: structuredClone(texts) }), seed);
  if ((await renderApp(await allTexts(lang, core), seed)) !== html)
    throw new Error(`prerender: the results page (${lang}) does not render the same from its seed`);
  return { html, seed };
}

export async function render(
  page: PrerenderedPage,
  lang: Lang,
  path = pathOf(page, lang),
  factId?: string,
): Promise<Prerendered> {
  // i18next adds texts into the bundle it is given: each instance gets its own copy of the module's.
  const core = structuredClone(await loadLocale(lang));
  const i18n = createI18n(lang, { [lang]: structuredClone(core) }); // the interface texts, as main.tsx
  // The router and the share-link reader look at the address while rendering.
  const g = globalThis as { location?: unknown };
  const before = g.location;
  g.location = { pathname: path, search: '', hash: '', href: `http://localhost${path}` };
  try {
    const seeded = factId
      ? await renderSeeded(lang, core, factId)
      : page === 'results'
        ? await renderResults(lang, core)
        : undefined;
    const html = seeded?.html ?? (await renderApp(i18n));
    // The noscript text is not needed in the browser: it comes from the language's other part.
    const all = await allTexts(lang, core);
    const service = i18n.t('ui.service.name');
    const fact = seeded?.seed.fact;
    const headingKey = fact ? `facts.${fact.id}.question` : HEADING_KEY[page];
    const heading = headingKey && all.t(headingKey);
    return {
      html,
      ...(seeded && { seed: seeded.seed }),
      // As usePageTitle sets it once the page has loaded (a sensitive question's is the neutral one).
      title: fact?.sensitive ? all.t('ui.exit.neutralTitle') : heading ? `${heading} – ${service}` : service,
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
