// Which prerendered HTML a page arrived with (src/entry-server.tsx writes it at build time, the
// root element carries `data-prerendered="<page> <lang>"`): main.tsx hydrates it only when the
// address and the language are the ones it was made for, and renders afresh otherwise.
import type { Lang } from '../i18n';
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

export const prerenderKey = (page: PrerenderedPage, lang: Lang) => `${page} ${lang}`;

/** Whether HTML prerendered as `attr` is what the app's first render draws for this route and language. */
export function prerenderedFor(attr: string | null, route: Route, lang: Lang): boolean {
  return (PRERENDERED as readonly string[]).includes(route.page) && attr === `${route.page} ${lang}`;
}
