// The texts of every language (locales/<lang>/): merged from their files, and checked to hold
// every text the rules, facts, laws, links and deadlines need. Part of compile.ts.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { childrenOf } from '../engine/tree';
import type { CondNode, DeadlineRule, Fact, Rule } from '../engine/types';
import type { LinkSet } from '../present/links';
import type { Compiled, RuleProblem } from './compile';
import { languageName } from './languages';
import type { CondInput, sharedFile } from './schema';

type Json = Record<string, unknown>;

export interface TextsContext {
  root: string;
  /** The codes of locales/languages.json. */
  langs: readonly string[];
  readJson: (file: string) => Json | undefined;
  rel: (file: string) => string;
  problems: RuleProblem[];
  partial: boolean;
  facts: Fact[];
  laws: Json;
  links: LinkSet;
  deadlines: DeadlineRule[];
  shared: Map<string, { file: string; data: z.infer<typeof sharedFile> }>;
  rules: Rule[];
}

export function compileTexts(ctx: TextsContext): Compiled['locales'] {
  const { root, langs, readJson, rel, problems, partial, facts, laws, links, deadlines, shared, rules } = ctx;
  const locales: Compiled['locales'] = {};
  /** Per language, the keys of each of its files (by the path below locales/<lang>/). */
  const keys = new Map<string, Map<string, string[]>>();
  for (const lang of langs) {
    const dir = join(root, 'locales', lang);
    const bundle: Json = {};
    // `ui.json` and the folder `ui/` (one file a feature, e.g. `ui/print.json` → ui.print.*) merge
    // into one tree; the same key in both is an error, not a silent overwrite.
    const keysOf = new Map<string, string[]>();
    keys.set(lang, keysOf);
    const walk = (d: string, into: Json, under: string) => {
      for (const name of existsSync(d) ? readdirSync(d).sort() : []) {
        const p = join(d, name);
        if (name.endsWith('.json')) {
          const data = readJson(p) ?? {};
          keysOf.set(`${under}${name}`, flatKeys(data));
          merge(into, name.slice(0, -5), data, rel(p), []);
        } else if (!name.includes('.')) walk(p, ((into[name] as Json | undefined) ??= {} as Json), `${under}${name}/`);
      }
    };
    const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
    const merge = (into: Json, key: string, value: unknown, file: string, at: string[]) => {
      const have = into[key];
      if (have === undefined) into[key] = value;
      else if (isObj(have) && isObj(value))
        for (const [k, v] of Object.entries(value)) merge(have, k, v, file, [...at, k]);
      else problems.push({ file, path: at.join('.'), message: 'this key is also defined in another locale file' });
    };
    walk(dir, bundle, '');
    locales[lang] = bundle;
    const need = (obj: unknown, keys: string[], file: string) => {
      let cur: unknown = obj;
      for (const k of keys) cur = cur && typeof cur === 'object' ? (cur as Json)[k] : undefined;
      if (typeof cur !== 'string' || !cur.trim())
        problems.push({
          file,
          path: keys.join('.'),
          message: `missing ${languageName(lang)} text`,
        });
    };
    const factsFile = `locales/${lang}/facts.json`;
    for (const fact of partial ? [] : facts) {
      need(bundle.facts, [fact.id, 'question'], factsFile);
      for (const o of fact.options ?? []) need(bundle.facts, [fact.id, 'options', o], factsFile);
    }
    for (const law of Object.keys(laws)) need(bundle.laws, [law], `locales/${lang}/laws.json`);
    for (const l of Object.values(links.links)) {
      need(bundle.links, [l.id], `locales/${lang}/links.json`);
      need(bundle.links, ['owners', l.owner], `locales/${lang}/links.json`);
    }
    for (const d of deadlines)
      for (const k of ['title', 'due', 'passed', ...(d.excusedWhen ? ['excused'] : [])])
        need(bundle.deadlines, [d.id, k], `locales/${lang}/deadlines.json`);
    for (const [sid, { data }] of shared) {
      const file = `locales/${lang}/shared/${sid}.json`;
      const tree = (bundle.shared as Json | undefined)?.[sid];
      collectIds(data.condition).forEach((id) => need(tree, ['conditions', id], file));
    }
    for (const rule of rules) {
      const file = `locales/${lang}/rules/${rule.id}.json`;
      const tree = (bundle.rules as Json | undefined)?.[rule.id];
      // A redirect also says, for a "possible" verdict, what would have to be true (summaryPossible).
      for (const k of ['title', 'summary', 'next', ...(rule.kind === 'redirect' ? ['summaryPossible'] : [])])
        need(tree, [k], file);
      for (const [n, scope] of Object.entries(rule.scopes))
        if (scope === `rules.${rule.id}`) need(tree, ['conditions', idOfNode(rule.condition, Number(n)) ?? ''], file);
      for (const k of rule.notes) need(tree, ['notes', k], file);
      for (const k of rule.cannotCheck) need(tree, ['cannotCheck', k], file);
      for (const d of rule.documents) need(tree, ['documents', d.doc], file);
    }
  }
  if (!partial && langs.length) parity(langs, keys, problems);
  return locales;
}

/**
 * Every language has the same files with the same keys as the first one listed: a text added in
 * one language only, or left out of one, fails with the file and the key.
 */
function parity(langs: readonly string[], keys: Map<string, Map<string, string[]>>, problems: RuleProblem[]) {
  const [first, ...others] = langs as [string, ...string[]];
  const reference = keys.get(first) ?? new Map<string, string[]>();
  for (const lang of others) {
    const own = keys.get(lang) ?? new Map<string, string[]>();
    for (const [file, want] of reference) {
      const have = own.get(file);
      if (!have) {
        problems.push({
          file: `locales/${lang}/${file}`,
          path: '',
          message: `missing: locales/${first}/${file} has it`,
        });
        continue;
      }
      const set = new Set(have);
      for (const k of want)
        if (!set.has(k))
          problems.push({
            file: `locales/${lang}/${file}`,
            path: k,
            message: `missing ${languageName(lang)} text (locales/${first}/${file} has it)`,
          });
      const ref = new Set(want);
      for (const k of have)
        if (!ref.has(k))
          problems.push({
            file: `locales/${lang}/${file}`,
            path: k,
            message: `not in locales/${first}/${file}: every language has the same texts`,
          });
    }
    for (const file of own.keys())
      if (!reference.has(file))
        problems.push({
          file: `locales/${lang}/${file}`,
          path: '',
          message: `not in locales/${first}/: every language has the same files`,
        });
  }
}

/** The dotted paths of a text file's strings (`ui.json` → start.heading, …). */
function flatKeys(o: Json, at = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? flatKeys(v as Json, `${at}${k}.`) : [`${at}${k}`],
  );
}

function collectIds(c: CondInput & Json, acc: string[] = []): string[] {
  if (typeof c.id === 'string') acc.push(c.id);
  for (const k of ['all', 'any'] as const)
    if (Array.isArray(c[k])) (c[k] as never[]).forEach((x) => collectIds(x, acc));
  if (c.not) collectIds(c.not as never, acc);
  return acc;
}

function idOfNode(node: CondNode, n: number): string | undefined {
  if (node.n === n) return node.id;
  for (const c of childrenOf(node)) {
    const r = idOfNode(c, n);
    if (r !== undefined) return r;
  }
  return undefined;
}
