// @vitest-environment node
// The engine's semantics on a small synthetic rule set, independent of the real rules.
import { describe, expect, it } from 'vitest';
import { indexed, nextQuestions, screen, type CondNode, type Fact, type Rule, type RuleSet } from '../../src/engine';
import { ruleSet as compiled } from '../support/rules';

const PARAMETERS = compiled.parameters; // the law's values, as compiled from rules/parameters.yaml

const fact = (id: string, type: Fact['type'], order: number, extra: Partial<Fact> = {}): Fact => ({
  id,
  type,
  group: 'you',
  dontKnow: true,
  readBy: [],
  order,
  ...extra,
});

let n = 0;
const node = <T extends Omit<CondNode, 'n'>>(x: T) => ({ ...x, n: n++ }) as unknown as CondNode;

function rule(id: string, order: number, condition: CondNode, extra: Partial<Rule> = {}): Rule {
  return {
    id,
    kind: 'notified',
    order,
    source: { law: 'kokuji-132', item: order, refs: ['S1'] },
    confidence: 'confirmed',
    inForce: { from: '1990-06-01' },
    discretionary: false,
    periods: ['5y'],
    routes: ['coe', 'change'],
    documents: [],
    notes: [],
    cannotCheck: [],
    condition,
    nodeCount: n,
    scopes: {},
    ...extra,
  };
}

// A: a yes; B: under 6 and not A (an exclusion); C: 3 years since d; D: unclear values.
const facts: Fact[] = [
  fact('location', 'choice', 0, { options: ['in_japan', 'abroad'], readBy: ['A'] }),
  fact('a', 'yesno', 1, { readBy: ['A'] }),
  fact('birth', 'date', 2, { readBy: ['B'] }),
  fact('d', 'date', 3, { readBy: ['C'] }),
  fact('m', 'choice', 4, { options: ['never', 'married', 'divorced'], readBy: ['D'] }),
  fact('unused_by_b', 'yesno', 5, { readBy: ['B'] }),
];
const A = rule('A', 0, node({ id: 'a', op: 'in', fact: 'a', values: ['yes'] }));
const B = rule(
  'B',
  1,
  node({
    op: 'all',
    of: [
      node({ id: 'young', op: 'age', fact: 'birth', under: 6 }),
      node({ id: 'extra', op: 'any', of: [node({ op: 'in', fact: 'unused_by_b', values: ['yes', 'no'] })] }),
      node({
        id: 'exclusion',
        op: 'exclusion',
        excludes: ['A'],
        of: node({ op: 'not', of: node({ op: 'any', of: [node({ op: 'rule', rule: 'A' })] }) }),
      }),
    ],
  }),
);
const C = rule('C', 2, node({ id: 'waited', op: 'since', fact: 'd', passed: 'P3Y' }));
const D = rule('D', 3, node({ id: 'unmarried', op: 'in', fact: 'm', values: ['never'], unclear: ['divorced'] }));
const set: RuleSet = indexed({
  version: { checked: '2026-11-22', hash: 'test' },
  facts,
  rules: [A, B, C, D],
  deadlines: [],
  parameters: PARAMETERS,
});
const asOf = '2026-11-23';
const verdict = (answers: Record<string, string>, id: string) =>
  screen(set, answers, asOf).results.find((r) => r.id === id)!;

describe('three-valued evaluation', () => {
  it('unanswered and "unknown" are unknown: possible', () => {
    expect(verdict({}, 'A').verdict).toBe('possible');
    expect(verdict({ a: 'unknown' }, 'A').verdict).toBe('possible');
    expect(verdict({ a: 'yes' }, 'A').verdict).toBe('eligible');
    expect(verdict({ a: 'no' }, 'A').verdict).toBe('not_eligible');
  });
  it('an exclusion follows the excluded rule three-valuedly', () => {
    const base = { birth: '2022-01-01', unused_by_b: 'no' };
    expect(verdict({ ...base }, 'B').verdict).toBe('possible');
    expect(verdict({ ...base, a: 'no' }, 'B').verdict).toBe('eligible');
    expect(verdict({ ...base, a: 'yes' }, 'B').verdict).toBe('not_eligible');
  });
  it('a failing condition decides even when others are unknown', () => {
    expect(verdict({ birth: '2000-01-01' }, 'B').verdict).toBe('not_eligible');
  });
  it('a waiting period gives the date it would be met', () => {
    const r = verdict({ d: '2024-01-10' }, 'C');
    expect(r.verdict).toBe('not_eligible');
    expect(r.nearMiss).toEqual({ date: '2027-01-11', verdict: 'eligible' });
    expect(r.trace[0]!.metFrom).toBe('2027-01-11');
  });
  it('an age limit that is passed gives no near miss', () => {
    expect(verdict({ birth: '2000-01-01', a: 'no', unused_by_b: 'no' }, 'B').nearMiss).toBeUndefined();
  });
  it('an unclear answer is unknown and needs an expert', () => {
    const r = verdict({ m: 'divorced' }, 'D');
    expect(r.verdict).toBe('possible');
    expect(r.needsExpert).toBe(true);
    expect(r.expertReasons[0]!.why).toBe('unclear');
    expect(verdict({ m: 'never' }, 'D').needsExpert).toBe(false);
  });
  it('traces every condition line with its citation', () => {
    const r = verdict({ birth: '2022-01-01', a: 'no', unused_by_b: 'yes' }, 'B');
    expect(r.trace.map((l) => [l.id, l.truth])).toEqual([
      ['young', 'met'],
      ['extra', 'met'],
      ['exclusion', 'met'],
    ]);
    expect(r.trace[2]!.key).toBe('engine.exclusion');
    expect(r.trace[0]!.cite.item).toBe(1);
  });
  it('routes fit where the person is', () => {
    const r = verdict({ location: 'abroad' }, 'A');
    expect(r.routes).toEqual([
      { route: 'coe', fits: 'met' },
      { route: 'change', fits: 'not_met' },
    ]);
  });
});

describe('nextQuestions', () => {
  it('asks only what can still change a verdict, in catalogue order', () => {
    // location is read by no condition here (only routes); unused_by_b is met whatever the answer.
    expect(nextQuestions(set, {}, asOf)).toEqual(['a', 'birth', 'd', 'm']);
    // Once B fails on age, its other facts no longer matter.
    const q = nextQuestions(set, { birth: '2000-01-01' }, asOf);
    expect(q).not.toContain('unused_by_b');
  });
  it('does not ask again what was answered "I don\'t know"', () => {
    expect(nextQuestions(set, { a: 'unknown' }, asOf)).not.toContain('a');
  });
  it('still asks when only a combination of answers can decide', () => {
    // (x and y) or (not x and z): no single answer changes "possible", two can.
    const x = node({ op: 'in', fact: 'x', values: ['yes'] });
    const cond = node({
      id: 'xyz',
      op: 'any',
      of: [
        node({ op: 'all', of: [x, node({ op: 'in', fact: 'y', values: ['yes'] })] }),
        node({
          op: 'all',
          of: [
            node({ op: 'not', of: node({ op: 'in', fact: 'x', values: ['yes'] }) }),
            node({ op: 'in', fact: 'z', values: ['yes'] }),
          ],
        }),
      ],
    });
    const combo: RuleSet = indexed({
      version: set.version,
      deadlines: [],
      parameters: PARAMETERS,
      facts: [
        fact('x', 'yesno', 0, { readBy: ['X'] }),
        fact('y', 'yesno', 1, { readBy: ['X'] }),
        fact('z', 'yesno', 2, { readBy: ['X'] }),
      ],
      rules: [rule('X', 0, cond)],
    });
    expect(nextQuestions(combo, {}, asOf)).toEqual(['x', 'y', 'z']);
    expect(nextQuestions(combo, { x: 'yes' }, asOf)).toEqual(['y']);
  });
  it('is empty when nothing can change', () => {
    const answers = { location: 'abroad', a: 'no', birth: '2000-01-01', d: '2020-01-01', m: 'never' };
    expect(nextQuestions(set, answers, asOf)).toEqual([]);
  });
});
