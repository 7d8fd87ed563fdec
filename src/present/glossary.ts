// The glossary of hard words (locales/<lang>/glossary.json): where a term first appears on a page
// it links to its explanation, once per page. Pure: splitting a text at the terms it contains.

export interface GlossaryTerm {
  id: string;
  term: string;
  /** The strings that name the term in a text (the Japanese word, which English texts also give). */
  find: string[];
  text: string;
}

export type Piece = string | { term: string; text: string };

/**
 * Splits `text` into plain pieces and term pieces: each term's first occurrence in the text, if
 * `take(id)` grants it (the page's first use of the term), becomes a term piece.
 */
export function glossPieces(text: string, terms: GlossaryTerm[], take: (id: string) => boolean): Piece[] {
  // Every candidate occurrence, earliest first, longer names first at the same place.
  const hits: { at: number; len: number; id: string }[] = [];
  for (const t of terms)
    for (const f of t.find) {
      const at = text.indexOf(f);
      if (at >= 0) hits.push({ at, len: f.length, id: t.id });
    }
  hits.sort((a, b) => a.at - b.at || b.len - a.len);
  const out: Piece[] = [];
  let pos = 0;
  const done = new Set<string>();
  for (const h of hits) {
    if (h.at < pos || done.has(h.id)) continue;
    if (!take(h.id)) continue;
    done.add(h.id);
    if (h.at > pos) out.push(text.slice(pos, h.at));
    out.push({ term: h.id, text: text.slice(h.at, h.at + h.len) });
    pos = h.at + h.len;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

/** The terms of a language's glossary texts (`glossary.terms` of locales/<lang>/glossary.json). */
export function glossaryTerms(tree: unknown): GlossaryTerm[] {
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree as Record<string, { term: string; find: string[]; text: string }>).map(([id, v]) => ({
    id,
    term: v.term,
    find: v.find,
    text: v.text,
  }));
}
