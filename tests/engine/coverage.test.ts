// @vitest-environment node
// Every condition line of every rule is seen both met and not met by some test case.
import { expect, it } from 'vitest';
import { screen, type TraceLine } from '../../src/engine';
import { loadPersonas, loadRuleCases } from '../support/cases';
import { ruleSet } from '../support/rules';

it('every condition is seen met and not met', () => {
  const seen = new Map<string, Set<string>>();
  const walk = (rule: string, lines: TraceLine[]) => {
    for (const l of lines) {
      const key = `${rule} › ${l.key}#${l.n}`;
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(l.truth);
      walk(rule, l.children);
    }
  };
  for (const c of [...loadRuleCases(), ...loadPersonas()])
    for (const r of screen(ruleSet, c.answers, c.asOf).results) walk(r.id, r.trace);
  const gaps = [...seen]
    .filter(([, s]) => !(s.has('met') && s.has('not_met')))
    .map(([k, s]) => `${k}: only ${[...s].join('/')}`);
  expect(gaps).toEqual([]);
});
