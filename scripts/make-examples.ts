// `npm run examples`: writes examples/<category id>.json, one answers file per category, from the
// first case of rules/<kind>/<id>.cases.yaml that the category matches (eligible or possible);
// for a deleted item, its first case. The answers are the case's, merged with the file's `base`.
// tests/cli/examples.test.ts checks that the files are up to date and give the expected verdict.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serializeAnswers, type RuleSet } from '../src/engine';
import { compileRules, RulesInvalid } from '../src/rules-compiler/compile';
import { loadRuleCases, ROOT, type RuleCase } from '../tests/support/cases';

export const EXAMPLES_DIR = join(ROOT, 'examples');

/** The example case of every compiled category, in display order; `missing` = categories without one. */
export function selectExamples(ruleSet: RuleSet, cases: RuleCase[] = loadRuleCases()) {
  const examples = new Map<string, RuleCase>();
  const missing: string[] = [];
  for (const rule of [...ruleSet.rules].sort((a, b) => a.order - b.order)) {
    const own = cases.filter((c) => c.rule === rule.id);
    const chosen = rule.deleted ? own[0] : own.find((c) => c.expect !== 'not_eligible');
    if (chosen) examples.set(rule.id, chosen);
    else missing.push(rule.id);
  }
  return { examples, missing };
}

export function exampleFile(id: string): string {
  return join(EXAMPLES_DIR, `${id}.json`);
}

function main(): number {
  let ruleSet: RuleSet;
  try {
    ruleSet = compileRules(ROOT).ruleSet;
  } catch (e) {
    if (!(e instanceof RulesInvalid)) throw e;
    console.error(e.message);
    return 1;
  }
  const { examples, missing } = selectExamples(ruleSet);
  mkdirSync(EXAMPLES_DIR, { recursive: true });
  for (const name of readdirSync(EXAMPLES_DIR))
    if (name.endsWith('.json') && !examples.has(name.slice(0, -5))) rmSync(join(EXAMPLES_DIR, name));
  for (const [id, c] of examples) writeFileSync(exampleFile(id), serializeAnswers(c.answers) + '\n');
  const dates = [...new Set([...examples.values()].map((c) => c.asOf))].join(', ');
  console.log(`wrote ${examples.size} examples to examples/ (made for the as-of date ${dates})`);
  if (missing.length) {
    console.error(`no case to take an example from: ${missing.join(', ')}`);
    if (process.env.TEIJU_PARTIAL !== '1') return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main();
