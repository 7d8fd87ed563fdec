// @vitest-environment node
// Languages are data (locales/languages.json): a third language, added in a temporary copy as a
// folder of texts and one entry, is compiled, gets its chunks, and is held to the same texts as the
// others. The real product keeps its two languages.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANG, LANGS, LANGUAGES, LAW_LANG } from '../../src/present/languages';
import { compileRules } from '../../src/rules-compiler/compile';
import { languageName } from '../../src/rules-compiler/languages';
import { LOCALE_PARTS, teijuRules } from '../../src/rules-compiler/vite-plugin';
import { editFile, inRulesCopy, problemsOf } from '../support/broken-rules';
import { ROOT } from '../support/cases';

const FILE = 'locales/languages.json';
type Entry = (typeof LANGUAGES)[number];

/** Adds the language `xx` to a copy: the default language's texts, and an entry like its own. */
function addLanguage(root: string, entry: Partial<Entry> = {}) {
  cpSync(join(root, 'locales', DEFAULT_LANG), join(root, 'locales', 'xx'), { recursive: true });
  editFile(root, FILE, (text) => {
    const config = JSON.parse(text) as { languages: Entry[] };
    const base = config.languages.find((l) => l.code === DEFAULT_LANG)!;
    config.languages.push({ ...base, code: 'xx', name: 'Xx', ...entry });
    return JSON.stringify(config, null, 2);
  });
}

/** What the rules plugin gives for a virtual module of `root`, as the build would import it. */
function load(root: string, id: string): string {
  const plugin = teijuRules(root);
  const ctx = {
    addWatchFile: () => undefined,
    error: (message: string) => {
      throw new Error(message);
    },
  };
  return (plugin.load as unknown as (this: typeof ctx, id: string) => string | undefined).call(ctx, `\0${id}`) ?? '';
}

describe('languages are data', () => {
  it('the product has the languages of its configuration, every one with its texts', () => {
    const compiled = compileRules(ROOT);
    expect(Object.keys(compiled.locales)).toEqual([...LANGS]);
    expect(compiled.languages.default).toBe(DEFAULT_LANG);
    expect(compiled.languages.law).toBe(LAW_LANG);
    const loaders = load(ROOT, 'virtual:teiju/locale-loaders');
    for (const lang of LANGS)
      for (const part of ['core', 'texts', 'details'])
        expect(loaders).toContain(`import("virtual:teiju/locale/${lang}-${part}")`);
  });

  it("a language's three parts hold its whole bundle (but the command line's texts), each text once", () => {
    const compiled = compileRules(ROOT);
    type Tree = Record<string, unknown>;
    const leaves = (t: unknown, path = ''): string[] =>
      t !== null && typeof t === 'object' && !Array.isArray(t)
        ? Object.entries(t as Tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
        : [path];
    for (const lang of LANGS) {
      const sent = Object.fromEntries(Object.entries(compiled.locales[lang] as Tree).filter(([k]) => k !== 'cli'));
      const parts = (['core', 'texts', 'details'] as const).map((p) => leaves(LOCALE_PARTS[p](sent)));
      const all = parts.flat();
      expect(new Set(all).size, `${lang}: a text in two parts`).toBe(all.length);
      expect(all.sort()).toEqual(leaves(sent).sort());
      // Only the rule details bring `shared`, which tells they have arrived (src/app/i18n.ts hasDetails).
      expect(parts[2]?.some((k) => k.startsWith('shared.'))).toBe(true);
      expect(parts[1]?.some((k) => k.startsWith('shared.'))).toBe(false);
    }
  });

  it('a folder of texts and one entry add a language: compiled, with its own chunks', () => {
    inRulesCopy((root) => {
      addLanguage(root);
      expect(problemsOf(root)).toEqual([]);
      const compiled = compileRules(root);
      expect(compiled.languages.languages.map((l) => l.code)).toEqual([...LANGS, 'xx']);
      expect(compiled.locales.xx).toEqual(compiled.locales[DEFAULT_LANG]);

      const loaders = load(root, 'virtual:teiju/locale-loaders');
      expect(loaders).toContain('"xx": { "core": () => import("virtual:teiju/locale/xx-core")');
      expect(loaders).toContain('"texts": () => import("virtual:teiju/locale/xx-texts")');
      const core = load(root, 'virtual:teiju/locale/xx-core');
      const heading = (compiled.locales.xx as { ui: { start: { heading: string } } }).ui.start.heading;
      expect(core).toContain(JSON.stringify(heading).slice(1, -1));
      expect(() => load(root, 'virtual:teiju/locale/zz-core')).toThrow("unknown language 'zz'");
    });
  });

  it('a text missing in the added language fails with its file and key', () => {
    inRulesCopy((root) => {
      addLanguage(root);
      editFile(root, 'locales/xx/ui.json', (text) => {
        const ui = JSON.parse(text) as { start: Record<string, unknown> };
        delete ui.start.heading;
        return JSON.stringify(ui);
      });
      expect(problemsOf(root)).toContain(
        `locales/xx/ui.json: start.heading: missing ${languageName('xx')} text (locales/${DEFAULT_LANG}/ui.json has it)`,
      );
    });
  });

  it('a text file only one language has fails, and so does a text only one has', () => {
    inRulesCopy((root) => {
      addLanguage(root);
      writeFileSync(join(root, 'locales/xx/extra.json'), '{"a": "b"}');
      editFile(root, 'locales/xx/cli.json', (text) => JSON.stringify({ ...JSON.parse(text), bogus: 'x' }));
      const problems = problemsOf(root);
      expect(problems).toContain(
        `locales/xx/extra.json: : not in locales/${DEFAULT_LANG}/: every language has the same files`,
      );
      expect(problems).toContain(
        `locales/xx/cli.json: bogus: not in locales/${DEFAULT_LANG}/cli.json: every language has the same texts`,
      );
      rmSync(join(root, 'locales/xx/extra.json'));
      rmSync(join(root, 'locales/xx/cli.json'));
      expect(problemsOf(root)).toContain(`locales/xx/cli.json: : missing: locales/${DEFAULT_LANG}/cli.json has it`);
    });
  });

  it('an entry without its folder of texts fails with the file and field', () => {
    inRulesCopy((root) => {
      addLanguage(root);
      rmSync(join(root, 'locales/xx'), { recursive: true });
      expect(problemsOf(root)).toContain(
        `${FILE}: languages.${LANGS.length}.code: no folder locales/xx/ with the texts of 'xx'`,
      );
    });
  });

  it('the configuration is the one the app reads', () => {
    const file = JSON.parse(readFileSync(join(ROOT, FILE), 'utf8')) as { default: string; law: string };
    expect([file.default, file.law]).toEqual([DEFAULT_LANG, LAW_LANG]);
  });
});
