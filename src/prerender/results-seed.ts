// The texts the results page carries in its HTML (its seed, src/entry-server.tsx), beside the
// interface texts: what its first render reads before the rest of the texts have come. That is
// the headline, the helplines, the dates to keep, the disclaimer, and the message about a share
// link's answers. A share link to the results then draws its headline without waiting for any
// text file: the question texts and the categories' details load after the headline.
// tests/app/results-seed.test.tsx draws every persona's results from these texts alone and fails
// on any text that is missing. bench/size.test.ts keeps the page within one round trip.
import type { Bundle } from '../app/i18n';

/** Paths into a language's `texts` part (LOCALE_PARTS), each taken whole. */
export const RESULTS_SEED_TEXTS = [
  'engine', // statuses, routes, citations, the disclaimer (the interface's own are in core)
  'rules', // the categories' titles (their other texts are in the details)
  'laws',
  'links', // the helplines
  'deadlines',
  'glossary', // the terms explained where they appear
  'ui.headline',
  'ui.results',
  'ui.nav',
  'ui.dateName',
  'ui.sheet.deadlines', // the dates to keep, drawn as on the sheet
  'ui.transfer.notice', // "answers loaded" (a refused link's notice waits for the question texts)
  'ui.pro.asOf', // the scrivener view's as-of date, when one is chosen
] as const;

const isRecord = (v: unknown): v is Bundle => !!v && typeof v === 'object' && !Array.isArray(v);

export const pathIn = (bundle: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((o, k) => (isRecord(o) ? o[k] : undefined), bundle);

/** Puts `value` at `path`, merging it into a record already there (one level, as i18next's bundles nest). */
export function putIn(bundle: Bundle, path: readonly string[], value: unknown): void {
  let o = bundle;
  for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Bundle;
  const last = path[path.length - 1] as string;
  const old = o[last];
  o[last] = isRecord(old) && isRecord(value) ? { ...old, ...structuredClone(value) } : structuredClone(value);
}

/** The interface texts (`core`) with the results page's paths of `texts` added: a whole bundle for i18next. */
export function resultsSeedTexts(core: Bundle, texts: Bundle): Bundle {
  const seed = structuredClone(core);
  for (const p of RESULTS_SEED_TEXTS) {
    const path = p.split('.');
    const value = pathIn(texts, path);
    if (value === undefined) throw new Error(`results seed: the texts have nothing at ${p}`);
    putIn(seed, path, value);
  }
  return seed;
}
