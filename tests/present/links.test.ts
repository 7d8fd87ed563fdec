// @vitest-environment node
// rules/links.yaml: every official link has its owner, a Japanese and an English version and the
// date it was checked; the compiler refuses a link without them, naming the file and the field.
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/present/languages';
import { helplinesFor, japaneseOnly, linkHref, telHref } from '../../src/present/links';
import { problemsAfterEdit } from '../support/broken-rules';
import { compiled } from '../support/rules';

const problemsWith = (edit: (text: string) => string) => problemsAfterEdit('rules/links.yaml', edit);

const { links } = compiled;

describe('the links file', () => {
  const all = Object.values(links.links);
  it('has the official next steps the results need', () => {
    for (const id of [
      'isa-coe',
      'isa-change',
      'isa-acquisition',
      'isa-renewal',
      'isa-regional-bureaus',
      'fresc',
      'scrivener-search',
      'dv-navi',
      'dv-soudan-plus',
    ])
      expect(links.links[id], id).toBeDefined();
    expect(links.routes).toMatchObject({ coe: 'isa-coe', change: 'isa-change', acquisition: 'isa-acquisition' });
  });

  it.each(all.map((l) => [l.id, l] as const))('%s has an owner, ja and en versions and a checked date', (_, l) => {
    expect(l.owner).toMatch(/\S/);
    expect(l.ja).toMatch(/^https:\/\//);
    expect(l.en).toMatch(/^https:\/\//);
    expect(l.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Japanese-only pages say so to the English reader; other English versions are other pages.
    if (l.en === l.ja && !l.enJapaneseOnly) expect(l.owner).not.toBe('isa');
    for (const lang of LANGS) {
      expect(compiled.locales[lang]!.links, lang).toHaveProperty([l.id]);
      expect(compiled.locales[lang]!.links, lang).toHaveProperty(['owners', l.owner]);
    }
  });

  it('gives the DV helplines as tel: links (#8008 and DV相談＋ 0120-279-889)', () => {
    const dv = helplinesFor(links, ['dv']);
    expect(dv.map((l) => telHref(l.tel!))).toEqual(expect.arrayContaining(['tel:%238008', 'tel:0120279889']));
    expect(helplinesFor(links, ['dv', 'dv']).length).toBe(dv.length);
    expect(helplinesFor(links, [])).toEqual([]);
  });

  it('picks the page of the reader’s language', () => {
    const coe = links.links['isa-coe']!;
    expect(linkHref(coe, 'ja')).toBe(coe.ja);
    expect(linkHref(coe, 'en')).toBe(coe.en);
    const jaOnly = all.find((l) => l.enJapaneseOnly)!;
    expect(japaneseOnly(jaOnly, 'en')).toBe(true);
    expect(japaneseOnly(jaOnly, 'ja')).toBe(false);
  });
});

describe('a link without its versions or date is refused', () => {
  it.each([
    [
      'no English version',
      (t: string) =>
        t.replace(/\n {4}en: https:\/\/www\.moj\.go\.jp\/isa\/applications\/procedures\/16-1\.html\?hl=en/, ''),
      'rules/links.yaml: links.isa-coe.en:',
    ],
    [
      'no Japanese version',
      (t: string) => t.replace(/\n {4}ja: https:\/\/www\.moj\.go\.jp\/isa\/applications\/procedures\/16-2\.html/, ''),
      'rules/links.yaml: links.isa-change.ja:',
    ],
    [
      'no checked date',
      (t: string) => t.replace(/(isa-renewal:\n(?: {4}.*\n)*?) {4}checked: [\d-]+\n/, '$1'),
      'rules/links.yaml: links.isa-renewal.checked:',
    ],
    [
      'a date that is not a date',
      (t: string) => t.replace(/(fresc:\n(?: {4}.*\n)*?) {4}checked: [\d-]+/, '$1    checked: last week'),
      'rules/links.yaml: links.fresc.checked: a date written YYYY-MM-DD',
    ],
    [
      'not https',
      (t: string) => t.replace('ja: https://www.gyosei.or.jp/', 'ja: http://www.gyosei.or.jp/'),
      'rules/links.yaml: links.scrivener-search.ja: an https:// address',
    ],
    [
      'a route to no link',
      (t: string) => t.replace('renewal: isa-renewal', 'renewal: isa-extension'),
      "rules/links.yaml: routes.renewal: unknown link 'isa-extension'",
    ],
    [
      'a helpline without a number',
      (t: string) => t.replace('dv: [dv-soudan-plus, dv-navi]', 'dv: [dv-soudan-plus, isa-coe]'),
      "rules/links.yaml: helplines.dv.1: 'isa-coe' has no tel",
    ],
  ])('%s', (_, edit, expected) => {
    const problems = problemsWith(edit);
    expect(
      problems.some((p) => p.startsWith(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('a link without its text in a language', () => {
    const problems = problemsAfterEdit('locales/ja/links.json', (text) => {
      const texts = JSON.parse(text) as Record<string, unknown>;
      delete texts.fresc;
      return JSON.stringify(texts);
    });
    expect(problems.join('\n')).toMatch(/locales\/ja\/links\.json: fresc: missing Japanese text/);
  });
});
