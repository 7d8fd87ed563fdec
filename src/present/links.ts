// The official next steps of rules/links.yaml, as the compiler passes them on: links only (the
// app never fetches, prefetches or embeds them). Pure.
import type { Route } from '../engine/types';
import { isLawLanguage } from './languages';

export interface OfficialLink {
  id: string;
  owner: string;
  ja: string;
  en: string;
  /** The owner publishes this page in Japanese only (`en` is the Japanese page). */
  enJapaneseOnly?: boolean;
  /** A helpline's number as people dial it (e.g. "#8008", "0120-279-889"). */
  tel?: string;
  /** ISO date a rule author last opened the link. */
  checked: string;
}

export interface LinkSet {
  links: Record<string, OfficialLink>;
  /** The application page of each route (routes with no form, e.g. selection, have none). */
  routes: Partial<Record<Route, string>>;
  /** Helplines shown where a sensitive topic was answered. */
  helplines: Partial<Record<'dv' | 'refugee' | 'criminal', string[]>>;
}

/**
 * The page of a link for the reader's language: the Japanese page for a reader of the law's
 * language (locales/languages.json `law`), the English one for every other reader.
 */
export function linkHref(link: OfficialLink, lang: string): string {
  return isLawLanguage(lang) ? link.ja : link.en;
}

/** Whether a reader of another language than the law's gets a Japanese page. */
export function japaneseOnly(link: OfficialLink, lang: string): boolean {
  return !isLawLanguage(lang) && !!link.enJapaneseOnly;
}

/** A `tel:` address: digits only, with `#` escaped (e.g. "#8008" → "tel:%238008"). */
export function telHref(tel: string): string {
  return `tel:${tel.replace(/-/g, '').replace(/^#/, '%23')}`;
}

/** The helplines of the sensitive topics answered, without repeats, in the file's order. */
export function helplinesFor(set: LinkSet, topics: Iterable<string>): OfficialLink[] {
  const ids = new Set<string>();
  for (const topic of topics) for (const id of set.helplines[topic as keyof LinkSet['helplines']] ?? []) ids.add(id);
  return [...ids].map((id) => set.links[id]).filter((l): l is OfficialLink => !!l);
}
