// Engine timings: one full screening of every category with verdicts() (the decision only) and
// screen() (with the reasons trace), and nextQuestions(), over the personas and over seeded random
// answer sets. Each call is timed on its own with process.hrtime.bigint() after a warm-up.
import fc from 'fast-check';
import { nextQuestions, screen, verdicts, type Answers, type RuleSet } from '../../src/engine';
import { compileRules } from '../../src/rules-compiler/compile';
import { answersArb, realisticDateArb } from '../../tests/support/arbitraries';
import { loadPersonas } from '../../tests/support/cases';
import { summarise, type Timing } from './stats';

export const RANDOM_SEED = 20261123;
export const RANDOM_COUNT = 1000;
const RANDOM_AS_OF = '2026-11-23';

interface Input {
  answers: Answers;
  asOf: string;
}

export interface EngineRow extends Timing {
  fn: 'verdicts' | 'screen' | 'nextQuestions';
  inputs: 'personas' | 'random';
  sets: number; // distinct answer sets
}

export interface EngineReport {
  categories: number;
  facts: number;
  personas: number;
  random: { count: number; seed: number; asOf: string };
  rows: EngineRow[];
}

/** Seeded random answer sets: each fact answered (any valid value, or "unknown") or left open. */
export function randomAnswers(set: RuleSet, count = RANDOM_COUNT, seed = RANDOM_SEED): Answers[] {
  return fc.sample(answersArb(set, realisticDateArb()), { seed, numRuns: count });
}

let sink = 0; // results feed this so the calls cannot be optimised away

/** Times `fn` once per input per round, after `warmup` untimed rounds; at least `minSamples` samples. */
function measure(inputs: Input[], fn: (x: Input) => number, warmup: number, minSamples: number): Timing {
  for (let r = 0; r < warmup; r++) for (const x of inputs) sink ^= fn(x);
  const rounds = Math.max(1, Math.ceil(minSamples / inputs.length));
  const ns = new Float64Array(rounds * inputs.length);
  let k = 0;
  for (let r = 0; r < rounds; r++)
    for (const x of inputs) {
      const t0 = process.hrtime.bigint();
      sink ^= fn(x);
      ns[k++] = Number(process.hrtime.bigint() - t0);
    }
  return summarise(ns);
}

export function benchEngine(root: string, log: (line: string) => void = () => {}): EngineReport {
  const set = compileRules(root).ruleSet;
  const personas: Input[] = loadPersonas().map((p) => ({ answers: p.answers, asOf: p.asOf }));
  const random: Input[] = randomAnswers(set).map((answers) => ({ answers, asOf: RANDOM_AS_OF }));

  const fns = {
    verdicts: (x: Input) => verdicts(set, x.answers, x.asOf).size,
    screen: (x: Input) => screen(set, x.answers, x.asOf).results.length,
    nextQuestions: (x: Input) => nextQuestions(set, x.answers, x.asOf).length,
  };
  // Samples per row; nextQuestions costs milliseconds, so it gets fewer.
  const plan: [EngineRow['fn'], number, number][] = [
    ['verdicts', 200, 20_000],
    ['screen', 20, 5_000],
    ['nextQuestions', 2, 1_000],
  ];

  const rows: EngineRow[] = [];
  for (const [fn, warmupSamples, samples] of plan)
    for (const [name, inputs] of [
      ['personas', personas],
      ['random', random],
    ] as const) {
      const warmup = Math.max(1, Math.ceil((warmupSamples * 45) / inputs.length));
      const t = measure(inputs, fns[fn], warmup, samples);
      rows.push({ fn, inputs: name, sets: inputs.length, ...t });
      log(`  ${fn.padEnd(13)} ${name.padEnd(8)} median ${t.medianUs} µs, p95 ${t.p95Us} µs (${t.samples} samples)`);
    }
  if (sink === 0.5) log('unreachable'); // keeps `sink` observable
  return {
    categories: set.rules.length,
    facts: set.facts.length,
    personas: personas.length,
    random: { count: random.length, seed: RANDOM_SEED, asOf: RANDOM_AS_OF },
    rows,
  };
}
