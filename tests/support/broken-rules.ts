// Compiles a copy of rules/ and locales/ with one file edited: the problems the compiler reports,
// as `file: field.path: message` (none when it compiles). For the malformed-rules corpora, and for
// trying a change to the files (a language added) without touching the real ones.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileRules, RulesInvalid } from '../../src/rules-compiler/compile';
import { ROOT } from './cases';

export function problemsAfterEdit(file: string, edit: (text: string) => string): string[] {
  return inRulesCopy((root) => {
    editFile(root, file, edit);
    return problemsOf(root);
  });
}

/** Runs `fn` on a temporary copy of rules/ and locales/, removed afterwards. */
export function inRulesCopy<T>(fn: (root: string) => T): T {
  const root = mkdtempSync(join(tmpdir(), 'teiju-bad-'));
  try {
    cpSync(join(ROOT, 'rules'), join(root, 'rules'), { recursive: true });
    cpSync(join(ROOT, 'locales'), join(root, 'locales'), { recursive: true });
    return fn(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Edits one file of a copy (`file` relative to it); the edit must change something. */
export function editFile(root: string, file: string, edit: (text: string) => string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const changed = edit(text);
  if (changed === text) throw new Error('test setup: the edit changed nothing');
  writeFileSync(path, changed);
}

/** The problems the compiler reports for the files under `root`, as `file: field.path: message`. */
export function problemsOf(root: string): string[] {
  try {
    compileRules(root, false);
  } catch (e) {
    if (e instanceof RulesInvalid) return e.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}
