// Pages other than the start page load as separate chunks (react-hook-form and zod come with the
// question page, the result texts with the results page), so the first page stays light. Once a
// chunk has loaded, its page renders synchronously; main.tsx preloads them when the browser is idle
// (the results page, once it has drawn the results).
import { createElement, lazy, type ComponentType } from 'react';
import type { Route } from '../state/router';

type Lazy<P> = ComponentType<P> & { preload: () => Promise<unknown> };
type PropsOf<C> = C extends ComponentType<infer P> ? P : never;

/** The component `name` of the module `load` imports, loaded on first use or on preload(). */
function lazyPage<M extends Record<K, ComponentType<P>>, K extends keyof M, P extends object = PropsOf<M[K]>>(
  load: () => Promise<M>,
  name: K,
): Lazy<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => (pending ??= load().then((m) => (loaded = m[name])));
  const Suspending = lazy(() => preload().then((c) => ({ default: c })));
  const Page = (props: P) => createElement(loaded ?? Suspending, props);
  return Object.assign(Page, { preload });
}

export const QuestionPage = lazyPage(() => import('./QuestionPage'), 'QuestionPage');
export const CheckPage = lazyPage(() => import('./CheckPage'), 'CheckPage');
export const ResultsPage = lazyPage(() => import('./ResultsPage'), 'ResultsPage');

// The printable result sheet and the questions overview (scrivener view).
export const SheetPage = lazyPage(() => import('./SheetPage'), 'SheetPage');
export const QuestionsPage = lazyPage(() => import('./QuestionsPage'), 'QuestionsPage');

// Save, load or share the answers; the messages about loaded answers and share links.
export const SavePage = lazyPage(() => import('./SavePage'), 'SavePage');
export const TransferNotice = lazyPage(() => import('../components/TransferNotice'), 'TransferNotice');

/** The lazily loaded page of each route (the start and not-found pages are in the entry chunk). */
const PAGE_OF: Partial<Record<Route['page'], { preload: () => Promise<unknown> }>> = {
  question: QuestionPage,
  check: CheckPage,
  results: ResultsPage,
  sheet: SheetPage,
  questions: QuestionsPage,
  save: SavePage,
};

/** The chunk of the page a route shows, if it is not in the entry chunk. */
export function preloadPageOf(route: Route): Promise<unknown> | undefined {
  return PAGE_OF[route.page]?.preload();
}

/** Every lazy chunk (tests await them all). */
export function preloadPages(): Promise<unknown> {
  return Promise.all([...Object.values(PAGE_OF), TransferNotice].map((page) => page.preload()));
}

/** Every lazy chunk, when the browser is idle (or soon, where it cannot tell). */
export function preloadPagesWhenIdle(): void {
  const preload = () => void preloadPages();
  if ('requestIdleCallback' in window) window.requestIdleCallback(preload);
  else setTimeout(preload, 200);
}
