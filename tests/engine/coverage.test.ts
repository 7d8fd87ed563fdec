// @vitest-environment node
// Every condition line of every rule is seen both met and not met by some test case.
import { expect, it } from 'vitest';
import { screen, type TraceLine } from '../../src/engine';
import { loadPersonas, loadRuleCases } from '../support/cases';
import { ruleSet } from '../support/rules';

it('every condition is seen met and not met', () => {
  const seen = new Map<string, Set<string>>();
  const parent = new Map<string, string>();
  const walk = (rule: string, lines: TraceLine[], up?: string) => {
    for (const l of lines) {
      const key = `${rule} › ${l.key}#${l.n}`;
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(l.truth);
      if (up) parent.set(key, up);
      walk(rule, l.children, key);
    }
  };
  // A line whose failing side the rules leave to an expert on purpose (an `unclear` answer, e.g. a
  // record under a disputed good-conduct requirement) is never "not met": seen open with that
  // expert reason, it counts as seen on its negative side.
  const leftToExpert = new Set<string>();
  for (const c of [...loadRuleCases(), ...loadPersonas()])
    for (const r of screen(ruleSet, c.answers, c.asOf).results) {
      walk(r.id, r.trace);
      for (const e of r.expertReasons) if (e.why === 'unclear') leftToExpert.add(`${r.id} › ${e.key}`);
    }
  // ... and so do the lines above it.
  const open = new Set<string>();
  for (const k of seen.keys())
    if (leftToExpert.has(k.replace(/#\d+$/, ''))) for (let u: string | undefined = k; u; u = parent.get(u)) open.add(u);
  const gaps = [...seen]
    .filter(([k, s]) => !(s.has('met') && (s.has('not_met') || (open.has(k) && !s.has('not_met') && s.has('unknown')))))
    .map(([k, s]) => `${k}: only ${[...s].join('/')}`);
  expect(gaps).toEqual([]);
});
