// @vitest-environment node
// Parity: every locale file and every key exists, non-empty, in every language of locales/languages.json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/present/languages';
import { ROOT } from './support/cases';

type Tree = { [k: string]: string | Tree };
const flat = (o: Tree, p = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[p + k, v] as [string, string]] : flat(v, `${p}${k}.`),
  );
const files = (lang: string) =>
  (readdirSync(join(ROOT, 'locales', lang), { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
const read = (lang: string, file: string) =>
  new Map(flat(JSON.parse(readFileSync(join(ROOT, 'locales', lang, file), 'utf8')) as Tree));

// Every language of locales/languages.json against the first one listed.
const [FIRST, ...OTHERS] = LANGS as [string, ...string[]];

describe('locales', () => {
  it.each(OTHERS)('%s has the same files as the first language', (lang) => {
    expect(files(lang)).toEqual(files(FIRST));
  });
  it.each(files(FIRST))('%s has the same keys in every language, none empty', (file) => {
    const first = read(FIRST, file);
    for (const lang of OTHERS) {
      const other = read(lang, file);
      expect(
        [...other.keys()].filter((k) => !first.has(k)),
        `keys of ${lang} with no ${FIRST} text`,
      ).toEqual([]);
      expect(
        [...first.keys()].filter((k) => !other.has(k)),
        `keys with no ${lang} text`,
      ).toEqual([]);
    }
    const empty = LANGS.flatMap((lang) =>
      [...read(lang, file)].filter(([, v]) => !v.trim()).map(([k]) => `${lang}: ${k}`),
    );
    expect(empty, 'empty texts').toEqual([]);
  });
});

// The Digital Agency's style for Japanese: full-width 「（）」,「？」 and 「：」, and a Western year beside
// every era date. Interpolations ({{…}}) are not prose; a lone "?" is the mark of an unknown line.
const prose = (v: string) => v.replace(/\{\{[^}]*\}\}/g, '');
const ERA = /(明治|大正|昭和|平成|令和)(\d+|元)年(?!（\d{4}年）)/;
describe('Japanese punctuation and dates', () => {
  it.each(files('ja'))('%s writes ( ) ? : full-width in Japanese prose', (file) => {
    const bad = [...read('ja', file)]
      // a colon after Japanese text is prose; one in a web address or an example date format is not
      .filter(([, v]) => /[()]|[^\s「・]\?|[\u3040-\u30ff\u3400-\u9fff）」] ?:(?!\/\/)/.test(prose(v)))
      .map(([k, v]) => `${k}: ${v}`);
    expect(bad, 'half-width ( ) ? or : in Japanese').toEqual([]);
  });
  it.each(LANGS.flatMap((lang) => files(lang).map((f) => [lang, f])))(
    '%s/%s gives the Western year beside every era date',
    (lang, file) => {
      const bad = [...read(lang, file)].filter(([, v]) => ERA.test(v)).map(([k, v]) => `${k}: ${v}`);
      expect(bad, 'era dates without the Western year').toEqual([]);
    },
  );
});
