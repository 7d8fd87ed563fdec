// @vitest-environment node
// The answers file is refused with coded errors, never partly taken, never throwing.
import { describe, expect, it } from 'vitest';
import { indexed, parseAnswers, serializeAnswers, type Fact, type RuleSet } from '../../src/engine';
import { ruleSet as compiled } from '../support/rules';

const PARAMETERS = compiled.parameters; // the law's values, as compiled from rules/parameters.yaml

const f = (id: string, type: Fact['type'], extra: Partial<Fact> = {}): Fact => ({
  id,
  type,
  group: 'you',
  dontKnow: true,
  readBy: [],
  order: 0,
  ...extra,
});
const set: RuleSet = indexed({
  version: { checked: '2026-11-22', hash: 'x' },
  rules: [],
  deadlines: [],
  parameters: PARAMETERS,
  facts: [
    f('location', 'choice', { options: ['in_japan', 'abroad'], dontKnow: false }),
    f('a', 'yesno'),
    f('birth_date', 'date', { notFuture: true }),
    f('marriage_date', 'date', { after: ['birth_date'] }),
    f('marriage_end_date', 'date', { after: ['marriage_date'] }),
  ],
});
const asOf = '2026-11-23';
const codes = (input: unknown) => {
  const r = parseAnswers(set, input, asOf);
  return r.ok ? 'ok' : r.errors.map((e) => `${e.code}@${e.path}`);
};

describe('parseAnswers', () => {
  it('accepts a good file and round-trips it', () => {
    const text = serializeAnswers({ location: 'abroad', a: 'unknown', birth_date: '1990-01-01' });
    const r = parseAnswers(set, text, asOf);
    expect(r).toEqual({ ok: true, answers: { location: 'abroad', a: 'unknown', birth_date: '1990-01-01' } });
  });
  it.each([
    ['not JSON', '{ nope', ['notJson@']],
    ['truncated', '{"version":1,"answers":{"a":"ye', ['notJson@']],
    ['not an object', '[1,2]', ['notObject@']],
    ['no answers field', '{"version":1}', ['notObject@']],
    ['wrong version', '{"version":2,"answers":{}}', ['wrongVersion@version']],
    ['extra top-level field', '{"version":1,"answers":{},"x":1}', ['unknownTopField@x']],
    ['unknown fact', '{"version":1,"answers":{"nope":"yes"}}', ['unknownFact@answers.nope']],
    ['__proto__ key', '{"version":1,"answers":{"__proto__":{"a":"yes"}}}', ['unknownFact@answers.__proto__']],
    ['constructor key', '{"version":1,"answers":{"constructor":"yes"}}', ['unknownFact@answers.constructor']],
    ['wrong type', '{"version":1,"answers":{"a":true}}', ['wrongType@answers.a']],
    ['not an option', '{"version":1,"answers":{"location":"mars"}}', ['notOption@answers.location']],
    ['"unknown" not allowed', '{"version":1,"answers":{"location":"unknown"}}', ['notOption@answers.location']],
    ['date that does not exist', '{"version":1,"answers":{"birth_date":"2023-02-30"}}', ['badDate@answers.birth_date']],
    ['birth in the future', '{"version":1,"answers":{"birth_date":"2030-01-01"}}', ['future@answers.birth_date']],
    [
      'divorce before marriage',
      '{"version":1,"answers":{"marriage_date":"2020-01-01","marriage_end_date":"2019-01-01"}}',
      ['dateOrder@answers.marriage_end_date'],
    ],
  ])('refuses %s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
  it('refuses enormous input before parsing it', () => {
    expect(codes('{"version":1,"answers":{"a":"' + 'y'.repeat(100_000) + '"}}')).toEqual(['tooLarge@']);
  });
  it('does not pollute prototypes', () => {
    parseAnswers(set, '{"version":1,"answers":{"__proto__":{"polluted":"yes"}}}', asOf);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
