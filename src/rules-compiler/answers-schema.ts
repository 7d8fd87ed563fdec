// The JSON Schema of the answers file (docs/answers-format.md), generated from the fact
// catalogue: one property per fact, with its type, its options, the date pattern and whether
// "unknown" ("I don't know") is allowed. Contradictions between answers (a date in the future,
// divorce before marriage) cannot be written in JSON Schema: parseAnswers checks those.
import { ANSWERS_VERSION } from '../engine/answers';
import type { Fact } from '../engine/types';

type Json = Record<string, unknown>;

const DATE = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

function valueSchema(fact: Fact): Json {
  const unknown = fact.dontKnow ? ['unknown'] : [];
  switch (fact.type) {
    case 'yesno':
      return { enum: ['yes', 'no', ...unknown] };
    case 'choice':
      return { enum: [...(fact.options ?? []), ...unknown] };
    case 'multi': {
      // The chosen options joined by commas, or "none".
      const one = `(?:${(fact.options ?? []).join('|')})`;
      return { type: 'string', pattern: `^(?:none|${one}(?:,${one})*${unknown.length ? '|unknown' : ''})$` };
    }
    case 'date':
      return fact.dontKnow ? { anyOf: [DATE, { const: 'unknown' }] } : { ...DATE };
  }
}

/** `questions`: the English fact texts (locales/en/facts.json), used as property titles. */
export function answersSchema(facts: Fact[], questions: Record<string, unknown> = {}): Json {
  const properties: Json = {};
  for (const fact of facts) {
    const text = (questions[fact.id] as { question?: unknown } | undefined)?.question;
    const notes = [`${fact.type}, group ${fact.group}`];
    if (fact.dontKnow) notes.push('"unknown" = I don\'t know');
    if (fact.notFuture) notes.push('not after the as-of date');
    if (fact.after?.length) notes.push(`not before ${fact.after.join(', ')}`);
    properties[fact.id] = {
      ...(typeof text === 'string' && { title: text }),
      description: notes.join('; '),
      ...valueSchema(fact),
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'teiju answers file',
    description:
      'Answers to the screening questions (docs/answers-format.md). A question left out is unanswered. ' +
      'Generated from rules/facts.yaml by `npm run rules`; do not edit.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'answers'],
    properties: {
      version: { const: ANSWERS_VERSION },
      answers: { type: 'object', additionalProperties: false, properties },
    },
  };
}
