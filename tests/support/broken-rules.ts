// Compiles a copy of rules/ and locales/ with one file edited: the problems the compiler reports,
// as `file: field.path: message` (none when it compiles). For the malformed-rules corpora.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileRules, RulesInvalid } from '../../src/rules-compiler/compile';
import { ROOT } from './cases';

export function problemsAfterEdit(file: string, edit: (text: string) => string): string[] {
  const root = mkdtempSync(join(tmpdir(), 'teiju-bad-'));
  try {
    cpSync(join(ROOT, 'rules'), join(root, 'rules'), { recursive: true });
    cpSync(join(ROOT, 'locales'), join(root, 'locales'), { recursive: true });
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    const changed = edit(text);
    if (changed === text) throw new Error('test setup: the edit changed nothing');
    writeFileSync(path, changed);
    try {
      compileRules(root, false);
    } catch (e) {
      if (e instanceof RulesInvalid) return e.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
      throw e;
    }
    return [];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
