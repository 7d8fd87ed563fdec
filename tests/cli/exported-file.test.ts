// @vitest-environment node
// A file saved from the web app ("Download answers", src/app/state/transfer.ts exportFile) is read by
// the command line as it is, and screens the same; so is a share link's content, once saved.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nextQuestions, screen } from '../../src/engine';
import { decodeShareFragment, encodeShareFragment, exportFile, exportFileName } from '../../src/app/state/transfer';
import { main } from '../../scripts/screen';
import { loadPersonas } from '../support/cases';
import { ruleSet } from '../support/rules';

const dir = mkdtempSync(join(tmpdir(), 'teiju-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

// A sample of the personas (each CLI run compiles the rules).
const personas = loadPersonas().filter((_, i) => i % 6 === 0);

describe('the CLI reads files saved from the web app', () => {
  it.each(personas.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    const path = join(dir, exportFileName(p.asOf));
    writeFileSync(path, exportFile(p.answers));
    const { code, stdout, stderr } = run(path, '--as-of', p.asOf, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const expected = { ...screen(ruleSet, p.answers, p.asOf), next: nextQuestions(ruleSet, p.answers, p.asOf) };
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));

    // Through a share link and back to a file: the same screening.
    const linked = await decodeShareFragment(await encodeShareFragment(p.answers), ruleSet, p.asOf);
    expect(linked.ok).toBe(true);
    if (!linked.ok) return;
    writeFileSync(path, exportFile(linked.answers));
    expect(run(path, '--as-of', p.asOf, '--json').stdout).toBe(stdout);
  });
});
