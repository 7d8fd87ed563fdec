// @vitest-environment node
// schema/answers.schema.json: generated from the fact catalogue by `npm run rules`, and in step
// with parseAnswers (what one accepts, the other accepts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers, type Fact } from '../../src/engine';
import { answersSchema } from '../../src/rules-compiler/answers-schema';
import { ROOT } from '../support/cases';
import { compiled, ruleSet } from '../support/rules';

type Schema = Record<string, unknown>;
const file = join(ROOT, 'schema', 'answers.schema.json');
const schema = JSON.parse(readFileSync(file, 'utf8')) as Schema;
const AS_OF = '2026-11-23';

/** Just enough JSON Schema for this file: const, enum, anyOf, type, pattern, minimum, maximum, objects. */
function valid(s: Schema, value: unknown): boolean {
  if ('const' in s && value !== s.const) return false;
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return false;
  if (Array.isArray(s.anyOf) && !(s.anyOf as Schema[]).some((sub) => valid(sub, value))) return false;
  if (s.type === 'string' && typeof value !== 'string') return false;
  if (s.type === 'number' && typeof value !== 'number') return false;
  if (typeof s.pattern === 'string' && (typeof value !== 'string' || !new RegExp(s.pattern).test(value))) return false;
  if (typeof s.minimum === 'number' && typeof value === 'number' && value < s.minimum) return false;
  if (typeof s.maximum === 'number' && typeof value === 'number' && value > s.maximum) return false;
  if (s.type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const key of (s.required ?? []) as string[]) if (!(key in value)) return false;
    for (const [key, v] of Object.entries(value)) {
      const sub = Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
      if (sub ? !valid(sub, v) : s.additionalProperties === false) return false;
    }
  }
  return true;
}

function sample(fact: Fact): string {
  if (fact.type === 'yesno') return 'no';
  if (fact.type === 'choice' || fact.type === 'multi') return fact.options![0]!;
  return '2000-01-01';
}

const both = (answers: Record<string, unknown>) => ({
  schema: valid(schema, { version: 1, answers }),
  parse: parseAnswers(ruleSet, { version: 1, answers }, AS_OF).ok,
});

describe('schema/answers.schema.json', () => {
  it('is up to date with rules/facts.yaml (else run `npm run rules`)', () => {
    const expected = answersSchema(
      ruleSet.facts,
      compiled.locales[compiled.languages.default]!.facts as Record<string, unknown>,
    );
    expect(schema).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('has one property per fact and nothing else', () => {
    const answers = (schema.properties as Record<string, Schema>).answers!;
    expect(answers.additionalProperties).toBe(false);
    expect(Object.keys(answers.properties as object).sort()).toEqual(ruleSet.facts.map((f) => f.id).sort());
    expect(schema.additionalProperties).toBe(false);
    expect((schema.properties as Record<string, Schema>).version).toEqual({ const: 1 });
  });

  it.each(ruleSet.facts.map((f) => [f.id, f] as const))('%s: the schema and parseAnswers agree', (id, fact) => {
    expect(both({ [id]: sample(fact) })).toEqual({ schema: true, parse: true });
    expect(both({ [id]: 'maybe' })).toEqual({ schema: false, parse: false });
    expect(both({ [id]: 'unknown' })).toEqual({ schema: fact.dontKnow, parse: fact.dontKnow });
    expect(both({ [id]: true })).toEqual({ schema: false, parse: false });
  });

  it('accepts every example and refuses an unknown id', () => {
    const dir = join(ROOT, 'examples');
    const files = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
    for (const name of files) expect(valid(schema, JSON.parse(readFileSync(join(dir, name), 'utf8'))), name).toBe(true);
    expect(both({ shoe_size: 42 })).toEqual({ schema: false, parse: false });
    expect(valid(schema, { version: 2, answers: {} })).toBe(false);
  });
});
