// `npm run rules`: validates rules/ and locales/, writes the JSON Schemas editors use for rule
// files (schema/) and the schema of the answers file (schema/answers.schema.json, from the fact
// catalogue), and prints a summary. Exit 1 with every problem listed if anything is wrong.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { answersSchema } from '../src/rules-compiler/answers-schema';
import { compileRules, RulesInvalid } from '../src/rules-compiler/compile';
import { languagesFile } from '../src/rules-compiler/languages';
import {
  deadlinesFile,
  factFile,
  indexFile,
  linksFile,
  parametersFile,
  ruleFile,
  sharedFile,
} from '../src/rules-compiler/schema';

const root = join(import.meta.dirname, '..');
const schemaDir = join(root, 'schema');
mkdirSync(schemaDir, { recursive: true });
const schemas = {
  rule: ruleFile,
  shared: sharedFile,
  facts: factFile,
  index: indexFile,
  deadlines: deadlinesFile,
  links: linksFile,
  parameters: parametersFile,
  languages: languagesFile,
};
for (const [name, schema] of Object.entries(schemas)) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  writeFileSync(join(schemaDir, `${name}.schema.json`), JSON.stringify(json, null, 2) + '\n');
}
try {
  const { ruleSet, locales, languages } = compileRules(root);
  // The answers schema's descriptions are the questions in the default language.
  const answers = answersSchema(
    ruleSet.facts,
    locales[languages.default]?.facts as Record<string, unknown> | undefined,
  );
  writeFileSync(join(schemaDir, 'answers.schema.json'), JSON.stringify(answers, null, 2) + '\n');
  console.log(
    `rules ${ruleSet.version.hash} (checked against the law ${ruleSet.version.checked}): ` +
      `${ruleSet.rules.length} categories, ${ruleSet.facts.length} facts`,
  );
} catch (e) {
  if (e instanceof RulesInvalid) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
