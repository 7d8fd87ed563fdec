// @vitest-environment node
// The merged document checklist (src/present/checklist.ts) over the personas.
import { describe, expect, it } from 'vitest';
import { screen, type Answers, type TraceLine } from '../../src/engine';
import { documentChecklist, LANGS, provesByCategory, relevantDocuments, type ChecklistEntry } from '../../src/present';
import { translator } from '../../scripts/screen';
import { loadPersonas } from '../support/cases';
import { compiled, ruleSet } from '../support/rules';

const en = translator(compiled.locales, 'en');
const ja = translator(compiled.locales, 'ja');
const personas = loadPersonas();
const persona = (n: number) => personas.find((p) => p.persona === n)!;
const rules = new Map(ruleSet.rules.map((r) => [r.id, r]));

function checklistOf(answers: Answers, asOf: string, texts = [en]) {
  const screening = screen(ruleSet, answers, asOf);
  return { screening, entries: documentChecklist(ruleSet, screening, texts) };
}

function findLines(lines: TraceLine[], id: string): TraceLine[] {
  return lines.flatMap((l) => [...(l.id === id ? [l] : []), ...findLines(l.children, id)]);
}

const shape = (entries: ChecklistEntry[]) =>
  entries.map((e) => ({
    doc: e.doc,
    textKeys: e.textKeys,
    proves: e.proves.map((p) => `${p.ruleId}/${p.conditionId}`),
  }));

describe('document checklist', () => {
  it('lists a document that two categories need once, saying what it proves for each (spouse of a Nikkei)', () => {
    // Diego (persona 22) with the basis of his wife's Long-Term Resident status unknown: both
    // 告示5号ロ and 5号ハ stay possible, and both need the marriage certificate and her residence card.
    const diego = persona(22);
    const { screening, entries } = checklistOf({ ...diego.answers, spouse_ltr_basis: 'unknown' }, diego.asOf);
    const possible = screening.results.filter((r) => r.verdict === 'possible').map((r) => r.id);
    expect(possible).toEqual(expect.arrayContaining(['notified-5-ro', 'notified-5-ha']));

    const marriage = entries.filter((e) => e.doc === 'marriage-certificate');
    expect(marriage).toHaveLength(1);
    expect(marriage[0]!.textKeys.sort()).toEqual([
      'rules.notified-5-ha.documents.marriage-certificate',
      'rules.notified-5-ro.documents.marriage-certificate',
    ]);
    expect(provesByCategory(marriage[0]!).map(([id, c]) => [id, c.map((x) => x.conditionId)])).toEqual(
      expect.arrayContaining([
        ['notified-5-ro', ['legally-married']],
        ['notified-5-ha', ['legally-married']],
      ]),
    );
    expect(entries.filter((e) => e.doc === 'sponsor-residence-card')).toHaveLength(1);
    // No two entries read the same.
    const texts = entries.map((e) => `${e.doc}:${en(e.textKeys[0]!)}`);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('keeps documents with the same id but a different text apart, next to each other (Grace)', () => {
    // Grace (persona 29), not yet sure her marriage has broken down for good: the marital-breakdown
    // category and 日本人の配偶者等 (both possible) describe the marriage record differently (one
    // asks for the marriage certificate too): two entries, side by side.
    const grace = persona(29);
    const { entries } = checklistOf({ ...grace.answers, marriage_broken_down: 'unknown' }, grace.asOf);
    const at = entries.map((e, i) => (e.doc === 'marriage-certificate' ? i : -1)).filter((i) => i >= 0);
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBe(1);
    expect(entries[at[0]!]!.proves.map((p) => p.ruleId)).toEqual([
      'unspecified-marital-breakdown',
      'unspecified-marital-breakdown',
    ]);
    expect(entries[at[1]!]!.proves.map((p) => p.ruleId)).toEqual(['redirect-spouse-child-of-japanese']);
  });

  it('leaves out documents for conditions that are not met (a spouse needs no proof of being born a child)', () => {
    // Grace (persona 29) if her marriage had not broken down: the spouse status.
    const grace = persona(29);
    const { screening, entries } = checklistOf({ ...grace.answers, marriage_broken_down: 'no' }, grace.asOf);
    const redirect = screening.results.find((r) => r.id === 'redirect-spouse-child-of-japanese')!;
    expect(redirect.verdict).toBe('eligible');
    const docs = relevantDocuments(redirect, rules.get(redirect.id)).map((d) => d.doc);
    // The rule lists four documents; the family register of a Japanese parent, the birth
    // certificate and the adoption record prove only the branches that do not apply to her.
    expect(rules.get(redirect.id)!.documents.map((d) => d.doc)).toEqual(
      expect.arrayContaining(['koseki-of-japanese-parent', 'birth-certificate', 'adoption-record']),
    );
    expect(docs).toEqual(['marriage-certificate']);
    expect(
      entries.some((e) => e.textKeys.includes('rules.redirect-spouse-child-of-japanese.documents.birth-certificate')),
    ).toBe(false);
  });

  it.each(personas.map((p) => [`${p.persona}. ${p.name}`, p] as const))(
    '%s: every relevant document of every matching category, once, proving only met or open conditions',
    (_n, p) => {
      const { screening, entries } = checklistOf(p.answers, p.asOf);
      const matching = screening.results.filter((r) => r.verdict !== 'not_eligible');
      // Nothing for categories that do not fit.
      const served = new Set(entries.flatMap((e) => e.proves.map((x) => x.ruleId)));
      for (const id of served) expect(matching.map((r) => r.id)).toContain(id);
      // Complete: each relevant document of each matching category is in exactly one entry, with all it proves.
      for (const r of matching)
        for (const d of relevantDocuments(r, rules.get(r.id))) {
          const holding = entries.filter((e) => e.textKeys.includes(d.textKey));
          expect(holding, d.textKey).toHaveLength(1);
          for (const c of d.proves)
            expect(holding[0]!.proves).toContainEqual(
              expect.objectContaining({ ruleId: r.id, conditionId: c.conditionId }),
            );
        }
      // Sound: each proved condition is a line of that category's trace, met or still open.
      for (const e of entries)
        for (const c of e.proves) {
          expect(['met', 'unknown']).toContain(c.truth);
          const result = matching.find((r) => r.id === c.ruleId)!;
          const lines = findLines(result.trace, c.conditionId);
          expect(lines.length, `${c.ruleId}/${c.conditionId}`).toBeGreaterThan(0);
          expect(lines.map((l) => l.truth)).toContain(c.truth);
          // Merged entries read the same in every language.
          expect(new Set(e.textKeys.map((k) => en(k))).size).toBe(1);
          expect(new Set(e.textKeys.map((k) => ja(k))).size).toBe(1);
        }
      // English, Japanese or both: the same checklist.
      expect(shape(checklistOf(p.answers, p.asOf, [ja]).entries)).toEqual(shape(entries));
      expect(shape(checklistOf(p.answers, p.asOf, [ja, en]).entries)).toEqual(shape(entries));
    },
  );

  it('is empty when nothing fits (Mariana, persona 5)', () => {
    const mariana = persona(5);
    expect(checklistOf(mariana.answers, mariana.asOf).entries).toEqual([]);
  });

  it('puts the documents of likely categories before those of possible ones, in a stable order', () => {
    const grace = persona(29);
    // Marital breakdown is likely; with her child not known, raising a Japanese national's child
    // is only possible: the breakdown's documents come first.
    const answers = { ...grace.answers, has_japanese_child: 'unknown' };
    const { screening, entries } = checklistOf(answers, grace.asOf);
    const verdict = (id: string) => screening.results.find((r) => r.id === id)!.verdict;
    expect(verdict('unspecified-marital-breakdown')).toBe('eligible');
    expect(verdict('unspecified-japanese-child-custody')).toBe('possible');
    expect(entries[0]!.proves[0]!.ruleId).toBe('unspecified-marital-breakdown');
    expect(entries.some((e) => e.proves.some((p) => p.ruleId === 'unspecified-japanese-child-custody'))).toBe(true);
    expect(shape(checklistOf(answers, grace.asOf).entries)).toEqual(shape(entries));
  });
});

describe('document texts', () => {
  it('are identical in one language exactly when they are identical in every other, so all languages merge alike', () => {
    const texts = (t: typeof en, a: string, b: string) => t(a) === t(b);
    const byDoc = new Map<string, string[]>();
    for (const r of ruleSet.rules)
      for (const d of r.documents) byDoc.set(d.doc, [...(byDoc.get(d.doc) ?? []), `rules.${r.id}.documents.${d.doc}`]);
    // Every language of locales/languages.json against the first one.
    const [first, ...others] = LANGS.map((lang) => [lang, translator(compiled.locales, lang)] as const);
    const disagree: string[] = [];
    for (const keys of byDoc.values())
      for (let i = 0; i < keys.length; i++)
        for (let j = i + 1; j < keys.length; j++)
          for (const [lang, t] of others)
            if (texts(first![1], keys[i]!, keys[j]!) !== texts(t, keys[i]!, keys[j]!))
              disagree.push(`${lang}: ${keys[i]} ~ ${keys[j]}`);
    expect(disagree).toEqual([]);
  });
});
