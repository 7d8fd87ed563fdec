// @vitest-environment node
// The glossary (locales/<lang>/glossary.json, src/present/glossary.ts): each term in both
// languages, found in the texts, linked at its first use on a page only.
import { describe, expect, it } from 'vitest';
import { glossaryTerms, glossPieces } from '../../src/present/glossary';
import { LANGS } from '../../src/present/languages';
import { compiled } from '../support/rules';

const terms = (lang: string) => glossaryTerms((compiled.locales[lang]!.glossary as { terms: unknown }).terms);

describe('glossary', () => {
  it('explains the words fluent non-native readers trip on, in both languages', () => {
    for (const lang of LANGS) {
      const ids = terms(lang).map((t) => t.id);
      expect(ids).toEqual(expect.arrayContaining(['fuyo', 'seikei', 'soutou', 'sokou', 'coe']));
      for (const t of terms(lang)) expect(t.text.length, `${lang} ${t.id}`).toBeGreaterThan(10);
    }
    expect(terms('en').map((t) => t.id)).toEqual(terms('ja').map((t) => t.id));
  });

  it('every term is found in some text of the tool', () => {
    const all = JSON.stringify(compiled.locales.ja);
    for (const t of terms('ja'))
      expect(
        t.find.some((f) => all.includes(f)),
        t.id,
      ).toBe(true);
  });

  it('links the first use of each term, once per page', () => {
    const claimed = new Set<string>();
    const take = (id: string) => (claimed.has(id) ? false : (claimed.add(id), true));
    const first = glossPieces('扶養を受けて、扶養者と生計を同じくする。', terms('ja'), take);
    expect(first).toEqual([
      { term: 'fuyo', text: '扶養' },
      'を受けて、扶養者と',
      { term: 'seikei', text: '生計を同じく' },
      'する。',
    ]);
    // The same words further down the page stay plain.
    expect(glossPieces('扶養と生計を同じくする', terms('ja'), take)).toEqual(['扶養と生計を同じくする']);
    expect(glossPieces('', terms('ja'), take)).toEqual([]);
  });
});
