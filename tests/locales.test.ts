// @vitest-environment node
// Bilingual parity: every locale file and every key exists, non-empty, in both languages.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('locales', () => {
  it('have the same files in English and Japanese', () => {
    expect(files('ja')).toEqual(files('en'));
  });
  it.each(files('en'))('%s has the same keys in both languages, none empty', (file) => {
    const en = read('en', file);
    const ja = read('ja', file);
    expect(
      [...ja.keys()].filter((k) => !en.has(k)),
      'keys with no English text',
    ).toEqual([]);
    expect(
      [...en.keys()].filter((k) => !ja.has(k)),
      'keys with no Japanese text',
    ).toEqual([]);
    const empty = [...en, ...ja].filter(([, v]) => !v.trim()).map(([k]) => k);
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
  it.each([...files('ja').map((f) => ['ja', f]), ...files('en').map((f) => ['en', f])])(
    '%s/%s gives the Western year beside every era date',
    (lang, file) => {
      const bad = [...read(lang, file)].filter(([, v]) => ERA.test(v)).map(([k, v]) => `${k}: ${v}`);
      expect(bad, 'era dates without the Western year').toEqual([]);
    },
  );
});
