// The pure module of export / import / share links (src/app/state/transfer.ts): round trips, every
// error code, the checksum, size limits, no prototype pollution, and the human messages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ruleSet from 'virtual:teiju/rules';
import en from 'virtual:teiju/locale/en';
import ja from 'virtual:teiju/locale/ja';
import { checkConsistency, parseAnswers, serializeAnswers } from '../../src/engine/answers';
import type { Answers, Fact, RuleSet } from '../../src/engine/types';
import { createI18n } from '../../src/app/i18n';
import {
  countAnswers,
  decodeShareFragment,
  encodeShareFragment,
  exportFile,
  exportFileName,
  fragmentOf,
  isShareFragment,
  MAX_LINK_CHARS,
  pathInOrder,
  readImport,
  readImportFile,
  sameAnswers,
  sensitiveTopics,
  shareUrl,
  transferErrorText,
  transferErrorTexts,
  type TransferResult,
} from '../../src/app/state/transfer';
import type { Translate } from '../../src/present';
import { answersArb, realisticDateArb } from '../support/arbitraries';

const ASOF = '2026-11-23';
const tEn = createI18n('en', { en }).getFixedT('en');
const tJa = createI18n('ja', { ja }).getFixedT('ja');

const ana: Answers = {
  location: 'abroad',
  birth_date: '1997-05-10',
  parent_born_to_japanese: 'yes',
  parent_japanese_at_birth: 'no',
};

const codes = (r: TransferResult) => (r.ok ? 'ok' : r.errors.map((e) => `${e.code}@${e.path}`));
const file = (text: string) => readImport(text, ruleSet, ASOF);
const link = (fragment: string) => decodeShareFragment(fragment, ruleSet, ASOF);

/** Answer sets the engine accepts as a whole (no contradictions), with at least one answer. */
const validAnswers = answersArb(ruleSet, realisticDateArb()).filter(
  (a) => countAnswers(a) > 0 && checkConsistency(ruleSet, a, ASOF).length === 0,
);

describe('export and import a file', () => {
  it('exports exactly the documented answers file, which parseAnswers (the CLI) reads back', () => {
    const text = exportFile(ana);
    expect(text).toBe(`${serializeAnswers(ana)}\n`);
    expect(JSON.parse(text)).toEqual({ version: 1, answers: ana });
    expect(parseAnswers(ruleSet, text, ASOF)).toEqual({ ok: true, answers: ana });
    expect(exportFileName('2026-11-23')).toBe('answers-2026-11-23.json');
  });

  it('round-trips any valid answers through a file (property)', () => {
    fc.assert(
      fc.property(validAnswers, (answers) => {
        const r = readImport(utf8(exportFile(answers)), ruleSet, ASOF);
        expect(r).toEqual({ ok: true, answers });
      }),
      { numRuns: 150 },
    );
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 files from Windows editors', () => {
    const text = exportFile(ana);
    expect(readImport(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), ruleSet, ASOF)).toEqual({
      ok: true,
      answers: ana,
    });
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i); // ASCII only
    expect(readImport(utf16, ruleSet, ASOF)).toEqual({ ok: true, answers: ana });
  });

  it('reads a chosen file, refusing one over 64 KiB without reading it', async () => {
    expect(await readImportFile(new Blob([exportFile(ana)]), ruleSet, ASOF)).toEqual({ ok: true, answers: ana });
    const huge = new Blob([' '.repeat(70_000)]);
    let read = false;
    Object.defineProperty(huge, 'arrayBuffer', { value: () => ((read = true), Promise.reject(new Error('read'))) });
    expect(codes(await readImportFile(huge, ruleSet, ASOF))).toEqual(['tooLarge@']);
    expect(read).toBe(false);
    const broken = new Blob(['x']);
    Object.defineProperty(broken, 'arrayBuffer', { value: () => Promise.reject(new Error('gone')) });
    expect(codes(await readImportFile(broken, ruleSet, ASOF))).toEqual(['unreadable@']);
  });

  it.each([
    ['empty', '', ['empty@']],
    ['only spaces', '  \n', ['empty@']],
    ['not JSON', '{ nope', ['notJson@']],
    ['truncated', '{"version":1,"answers":{"location":"ab', ['notJson@']],
    ['not an object', '[1]', ['notObject@']],
    ['no answers', '{"version":1}', ['notObject@']],
    ['wrong version', '{"version":2,"answers":{"location":"abroad"}}', ['wrongVersion@version']],
    ['version as a string', '{"version":"1","answers":{"location":"abroad"}}', ['wrongVersion@version']],
    ['unknown top field', '{"version":1,"answers":{"location":"abroad"},"x":1}', ['unknownTopField@x']],
    ['unknown fact', '{"version":1,"answers":{"nope":"yes"}}', ['unknownFact@answers.nope']],
    [
      'wrong type',
      '{"version":1,"answers":{"parent_born_to_japanese":true}}',
      ['wrongType@answers.parent_born_to_japanese'],
    ],
    ['not an option', '{"version":1,"answers":{"location":"mars"}}', ['notOption@answers.location']],
    ['bad date', '{"version":1,"answers":{"birth_date":"2023-02-30"}}', ['badDate@answers.birth_date']],
    ['future', '{"version":1,"answers":{"birth_date":"2030-01-01"}}', ['future@answers.birth_date']],
    [
      'date order',
      '{"version":1,"answers":{"marriage_date":"2020-05-01","marriage_end_date":"2019-04-01"}}',
      ['dateOrder@answers.marriage_end_date'],
    ],
    ['no answer at all', '{"version":1,"answers":{}}', ['noAnswersGiven@answers']],
  ])('refuses a file: %s', (_name, input, expected) => {
    expect(codes(file(input))).toEqual(expected);
  });

  it('refuses a file over 64 KiB, and bytes that are not text', () => {
    expect(codes(file(`{"version":1,"answers":{}}${' '.repeat(65_536)}`))).toEqual(['tooLarge@']);
    expect(codes(readImport(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff]), ruleSet, ASOF))).toEqual(['notText@']);
  });
});

describe('share links', () => {
  it('round-trips answers through a fragment of the documented form', async () => {
    const fragment = await encodeShareFragment(ana);
    expect(fragment).toMatch(/^#answers=v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{11}$/);
    expect(isShareFragment(fragment)).toBe(true);
    expect(await link(fragment)).toEqual({ ok: true, answers: ana });
    expect(await link(fragment.slice(1))).toEqual({ ok: true, answers: ana }); // without the #
    // The same answers in another order give the same link.
    expect(await encodeShareFragment(Object.fromEntries(Object.entries(ana).reverse()))).toBe(fragment);
  });

  it('round-trips any valid answers through a link (property)', async () => {
    await fc.assert(
      fc.asyncProperty(validAnswers, async (answers) => {
        expect(await link(await encodeShareFragment(answers))).toEqual({ ok: true, answers });
      }),
      { numRuns: 60 },
    );
  });

  it('is compact: a full persona journey fits in well under 1,000 characters', async () => {
    const many: Answers = Object.fromEntries(
      ruleSet.facts
        .slice(0, 35)
        .map((f) => [
          f.id,
          f.type === 'date' ? '1990-01-01' : f.dontKnow ? 'unknown' : f.type === 'yesno' ? 'no' : f.options![0]!,
        ]),
    );
    const fragment = await encodeShareFragment(many);
    expect(fragment.length).toBeLessThan(1000);
    expect(fragment.length).toBeLessThan(JSON.stringify(many).length);
  });

  it('detects any single changed character and any cut (property)', async () => {
    const fragment = await encodeShareFragment(ana);
    const start = '#answers=v1.'.length;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: start, max: fragment.length - 1 }),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
        async (i, c) => {
          fc.pre(fragment[i] !== c && fragment[i] !== '.');
          const changed = fragment.slice(0, i) + c + fragment.slice(i + 1);
          expect(codes(await link(changed))).toEqual(['damaged@']);
        },
      ),
      { numRuns: 80 },
    );
    for (let cut = 1; cut < fragment.length - start; cut++)
      expect(codes(await link(fragment.slice(0, -cut))), `cut ${cut}`).toEqual(['truncated@']);
  });

  it.each([
    ['#foo', ['notALink@']],
    ['#answers', ['notALink@']],
    ['#answers=please', ['notALink@']],
    ['#answers=', ['truncated@']],
    ['#answers=v1', ['truncated@']],
    ['#answers=v1.abc', ['truncated@']],
    ['#answers=v1.abc.abc', ['truncated@']],
    ['#answers=v2.abc.AAAAAAAAAAA', ['linkVersion@']],
    ['#answers=v1.ab$c.AAAAAAAAAAA', ['damaged@']],
    ['#answers=v1.abc.AAAAAAAAAAA.x', ['damaged@']],
    ['#answers=v1.abc.AAAAAAAAAAAA', ['damaged@']],
    ['#answers=v1.abc.AAAAAAAAAAA', ['damaged@']],
  ])('refuses the fragment %s', async (fragment, expected) => {
    expect(codes(await link(fragment))).toEqual(expected);
  });

  it('refuses an enormous link before reading it, and one that unpacks past 64 KiB', async () => {
    expect(codes(await link(`#answers=v1.${'A'.repeat(MAX_LINK_CHARS)}.AAAAAAAAAAA`))).toEqual(['tooLarge@']);
    const bomb = await fragmentOf(`{"version":1,"answers":{}}${' '.repeat(1_000_000)}`);
    expect(bomb.length).toBeLessThan(5000);
    expect(codes(await link(bomb))).toEqual(['tooLarge@']);
  });

  it('puts what a link holds through parseAnswers, like a file', async () => {
    expect(codes(await link(await fragmentOf('not json')))).toEqual(['notJson@']);
    expect(codes(await link(await fragmentOf('{"version":1,"answers":{"location":"mars"}}')))).toEqual([
      'notOption@answers.location',
    ]);
    expect(codes(await link(await fragmentOf('{"version":1,"answers":{}}')))).toEqual(['noAnswersGiven@answers']);
  });

  it('refuses a link whose check code matches but whose payload is not deflate data', async () => {
    // A payload of bytes that are not a deflate stream, with the right check code.
    const body = 'v1._____w';
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
    const check = btoa(String.fromCharCode(...new Uint8Array(digest).subarray(0, 8)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(codes(await link(`#answers=${body}.${check}`))).toEqual(['damaged@']);
  });

  it('makes the link from the page address without its query or fragment', () => {
    expect(shareUrl('https://example.org/teiju/?lang=ja#main', '#answers=v1.x.y')).toBe(
      'https://example.org/teiju/#answers=v1.x.y',
    );
  });
});

describe('hostile keys', () => {
  it('refuses __proto__ and constructor keys in a file and in a link, without prototype pollution', async () => {
    const hostile =
      '{"version":1,"answers":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"location":"abroad"},"__proto__":{"polluted":"yes"}}';
    const expected = ['unknownFact@answers.__proto__', 'unknownFact@answers.constructor', 'unknownTopField@__proto__'];
    const r = file(hostile);
    const sorted = (res: TransferResult) => (res.ok ? [] : res.errors.map((e) => `${e.code}@${e.path}`).sort());
    expect(sorted(r)).toEqual(expected.slice().sort());
    expect(sorted(await link(await fragmentOf(hostile)))).toEqual(expected.slice().sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The messages name the keys as written.
    expect(transferErrorTexts(r as Extract<TransferResult, { ok: false }>, ruleSet, tEn, 'en')).toContain(
      '"__proto__" is not a question of this tool (it may come from another tool, or have been edited).',
    );
  });
});

describe('helpers', () => {
  it('puts imported answers on the path in question order', () => {
    const order = pathInOrder(ruleSet, { ...ana, location: 'abroad' });
    const ranks = order.map((id) => ruleSet.facts.find((f) => f.id === id)!.order);
    expect(order.slice().sort()).toEqual(Object.keys(ana).sort());
    expect(ranks).toEqual(ranks.slice().sort((a, b) => a - b));
  });

  it('finds the sensitive topics among the answered questions, whatever the answer', () => {
    expect(sensitiveTopics(ruleSet, ana)).toEqual([]);
    const dv = ruleSet.facts.find((f) => f.sensitive === 'dv')!;
    const crime = ruleSet.facts.find((f) => f.sensitive === 'criminal')!;
    expect(sensitiveTopics(ruleSet, { ...ana, [crime.id]: 'unknown', [dv.id]: 'no' })).toEqual(['dv', 'criminal']);
  });

  it('compares answer sets', () => {
    expect(sameAnswers(ana, { ...ana })).toBe(true);
    expect(sameAnswers(ana, { ...ana, location: 'in_japan' })).toBe(false);
    expect(sameAnswers(ana, { location: 'abroad' })).toBe(false);
  });
});

describe('messages', () => {
  // A small rule set with a date fact of its own (no "I don't know"), so the question text is known.
  const when: Fact = { id: 'when', type: 'date', group: 'you', dontKnow: false, readBy: [], order: 0 };
  const withDate: RuleSet = { ...ruleSet, facts: [...ruleSet.facts, when] };
  const tWith: Translate = (key, v) => (key === 'facts.when.question' ? 'When?' : (tEn as Translate)(key, v));

  it('says what is wrong and where, with the question text', () => {
    const r = readImport('{"version":1,"answers":{"when":"2023-02-30"}}', withDate, ASOF);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(transferErrorTexts(r, withDate, tWith, 'en')).toEqual([
      'The answer to “When?” (when) is "2023-02-30", a date that does not exist.',
    ]);
    const unknown = readImport('{"version":1,"answers":{"when":"unknown"}}', withDate, ASOF);
    expect(!unknown.ok && transferErrorTexts(unknown, withDate, tWith, 'en')).toEqual([
      'The answer to “When?” (when) is "unknown", which is not one of its answers: it must be a date written YYYY-MM-DD between quotes, for example "1997-05-10".',
    ]);
  });

  it('has a text for every error code, in both languages, with no key or placeholder left', async () => {
    const inputs: TransferResult[] = [
      ...[
        '',
        '{',
        '[1]',
        '{"version":1}',
        '{"version":1,"answers":[]}',
        '{"answers":{"location":"abroad"}}',
        '{"version":9,"answers":{"location":"abroad"}}',
        '{"version":1,"answers":{"location":"abroad"},"x":1}',
        '{"version":1,"answers":{}}',
        '{"version":1,"answers":{"x":1,"location":"mars","birth_date":"1","parent_born_to_japanese":"maybe"}}',
        '{"version":1,"answers":{"birth_date":"2023-02-30","marriage_date":"1700-01-01"}}',
        '{"version":1,"answers":{"birth_date":"2030-01-01"}}',
        '{"version":1,"answers":{"marriage_date":"2020-05-01","marriage_end_date":"2019-04-01"}}',
        ' '.repeat(70_000),
      ].map(file),
      readImport(new Uint8Array([0xc3, 0x28]), ruleSet, ASOF),
      await readImportFile(
        Object.defineProperty(new Blob(['x']), 'arrayBuffer', { value: () => Promise.reject(new Error()) }),
        ruleSet,
        ASOF,
      ),
      ...(await Promise.all(
        [
          '#x',
          '#answers=v1.a',
          '#answers=v3.a.b',
          '#answers=v1.a.AAAAAAAAAAA',
          `#answers=${'A'.repeat(MAX_LINK_CHARS)}`,
        ].map(link),
      )),
      await link(await fragmentOf('{"version":2,"answers":{}}')),
    ];
    const seen = new Set<string>();
    for (const r of inputs) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      for (const e of r.errors) seen.add(e.code);
      for (const [t, lang] of [
        [tEn, 'en'],
        [tJa, 'ja'],
      ] as const) {
        for (const text of transferErrorTexts(r, ruleSet, t, lang)) {
          expect(text).not.toMatch(/ui\.transfer|facts\.|\{\{|undefined/);
          expect(text.length).toBeGreaterThan(12);
        }
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'badDate',
        'damaged',
        'dateOrder',
        'empty',
        'future',
        'linkVersion',
        'noAnswersGiven',
        'notALink',
        'notJson',
        'notObject',
        'notOption',
        'notText',
        'tooLarge',
        'truncated',
        'unknownFact',
        'unknownTopField',
        'unreadable',
        'wrongType',
        'wrongVersion',
      ].sort(),
    );
    // The one code this environment cannot produce (the browser lacks the streams) has texts too.
    for (const [t, lang] of [
      [tEn, 'en'],
      [tJa, 'ja'],
    ] as const)
      expect(transferErrorText({ code: 'unsupported', path: '' }, 'link', ruleSet, t, lang)).not.toMatch(/ui\./);
  });

  it('writes Japanese messages in Japanese, quoting the question', () => {
    const r = file('{"version":1,"answers":{"birth_date":"2023-02-30"}}');
    expect(!r.ok && transferErrorTexts(r, ruleSet, tJa, 'ja')).toEqual([
      `「${tJa('facts.birth_date.question')}」（birth_date）の回答 "2023-02-30" は、実在しない日付です。`,
    ]);
  });
});

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
