// @vitest-environment node
// examples/<id>.json: one answers file per category of rules/index.yaml, generated from the
// category's cases by `npm run examples`. Each must be up to date and give the expected verdict.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseAnswers, screen } from '../../src/engine';
import { exampleFile, selectExamples } from '../../scripts/make-examples';
import { ROOT } from '../support/cases';
import { ruleSet } from '../support/rules';

const partial = process.env.TEIJU_PARTIAL === '1';
const index = parse(readFileSync(join(ROOT, 'rules', 'index.yaml'), 'utf8')) as { order: string[] };
const ids = index.order.filter((id) => !partial || ruleSet.rules.some((r) => r.id === id));
const { examples } = selectExamples(ruleSet);

describe('examples/', () => {
  it('has an example for every category of rules/index.yaml', () => {
    const missing = ids.filter((id) => !existsSync(exampleFile(id)));
    expect(missing, 'run `npm run examples`').toEqual([]);
  });

  it.each(ids)('%s', (id) => {
    const source = examples.get(id);
    expect(source, `a case of ${id} to take the example from`).toBeDefined();
    const file = exampleFile(id);
    if (!existsSync(file)) return; // reported above
    const parsed = parseAnswers(ruleSet, readFileSync(file, 'utf8'), source!.asOf);
    if (!parsed.ok) throw new Error(`examples/${id}.json: ${JSON.stringify(parsed.errors)}`);
    expect(parsed.answers, `examples/${id}.json is out of date with ${source!.file}: run \`npm run examples\``).toEqual(
      source!.answers,
    );
    const result = screen(ruleSet, parsed.answers, source!.asOf).results.find((r) => r.id === id);
    expect(result?.verdict, `verdict of ${id} for "${source!.name}"`).toBe(source!.expect);
  });
});
