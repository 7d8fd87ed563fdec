// Which prerendered HTML a page arrived with (src/entry-server.tsx writes it at build time, the
// root element carries `data-prerendered="<page> <lang>"`, or `"question/<id> <lang>"` for a question
// prerendered with its text and seed): main.tsx hydrates it only when the address and the language
// are the ones it was made for, and renders afresh otherwise.
import type { Lang } from '../i18n';
import type { Fact } from '../../engine/types';
import type { Route } from './router';

export const PRERENDER_ATTR = 'data-prerendered';

/**
 * Sent on window once the app has taken the page over (hydrated or drawn): the loader of the
 * prerendered page holds the clicks on its buttons until then and replays them (src/prerender).
 */
export const READY_EVENT = 'teiju:ready';

/** The neutral page's title: the tab shows it the moment an exit is asked for (src/app/state/quickExit.ts). */
export const NEUTRAL_TITLE = 'Watering houseplants · 観葉植物の水やり';

/** The pages prerendered in each language: the start page in full, the others' frame. */
export const PRERENDERED = ['start', 'question', 'check', 'results'] as const;
export type PrerenderedPage = (typeof PRERENDERED)[number];

/** `factId`: a question page prerendered with its question (a seed), not only the frame. */
export const prerenderKey = (page: PrerenderedPage, lang: Lang, factId?: string) =>
  factId ? `${page}/${factId} ${lang}` : `${page} ${lang}`;

/**
 * Whether HTML prerendered as `attr` is what the app's first render draws for this route and
 * language: the page's frame, or the question itself when the page carries its seed.
 */
export function prerenderedFor(attr: string | null, route: Route, lang: Lang, seed?: PageSeed): boolean {
  if (!(PRERENDERED as readonly string[]).includes(route.page)) return false;
  if (seed?.fact && seedIsFor(seed, route)) return attr === prerenderKey('question', lang, seed.fact.id);
  return attr === prerenderKey(route.page as PrerenderedPage, lang);
}

/** The element holding a prerendered page's seed (JSON: not run, so the CSP allows it). */
export const SEED_ID = 'teiju-seed';

/**
 * What a page is prerendered with beyond the interface texts, and what its first render in the
 * browser needs to draw the same before the rules and the texts arrive: the texts that render
 * reads (the interface's own come with the page's language) and, for a question, its fact from the
 * catalogue. The results page has a seed without a fact: its heading shows before the screening.
 */
export interface PageSeed {
  fact?: Fact;
  texts: Record<string, unknown>;
  /**
   * The results page's: `texts` also holds the interface texts and what its headline reads
   * (src/prerender/results-seed.ts), so the page asks for no texts before its headline is drawn.
   */
  whole?: true;
  /** The language of `texts` (readSeed gives a seed only for the page's language). */
  lang?: string;
}

/** Whether `seed` is the one of `route`'s page: its question's, or the results page's (no fact). */
export const seedIsFor = (seed: PageSeed, route: Route) =>
  route.page === 'question' ? seed.fact?.id === route.factId : route.page === 'results' && !seed.fact;

/** The seed a page arrived with, if it is for this route and language and well formed. */
export function readSeed(doc: Document, route: Route, lang: Lang): PageSeed | undefined {
  const el = doc.getElementById(SEED_ID);
  if (!el) return undefined;
  try {
    const seed = JSON.parse(el.textContent ?? '') as PageSeed;
    return seed.lang === lang && seedIsFor(seed, route) && typeof seed.texts === 'object' ? seed : undefined;
  } catch {
    return undefined; // a damaged page: drawn afresh, as without a seed
  }
}

/** The seed as the page's JSON: `<` escaped, so that no text can close the element. */
export const seedJson = (seed: PageSeed, lang: Lang) => JSON.stringify({ lang, ...seed }).replaceAll('<', '\\u003c');
