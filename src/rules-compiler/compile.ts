// Reads rules/ and locales/, validates everything, and compiles the rule set the engine runs.
// Build-time only (Node). Every problem is reported as `file: field.path: message`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { buildIndex } from '../engine/build-index';
import { withOpening } from '../engine/opening';
import { refsOf } from '../engine/tree';
import type { CondNode, DeadlineRule, Fact, Rule, RuleSet } from '../engine/types';
import type { LanguagesFile } from '../present/languages';
import type { LinkSet } from '../present/links';
import { ruleCompiler } from './conditions';
import { readLanguages } from './languages';
import { compileParameters } from './parameters';
import { compileTexts } from './texts';
import {
  deadlinesFile,
  parametersFile,
  factFile,
  indexFile,
  linksFile,
  ruleFile,
  sharedFile,
  type CondInput,
  type PremiseInput,
  type DeadlinesFile,
  type RuleFile,
} from './schema';

export interface RuleProblem {
  file: string;
  path: string;
  message: string;
}

export class RulesInvalid extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(
      `${problems.length} problem(s) in the rule files:\n` +
        problems.map((p) => `  ${p.file}: ${p.path || '(top)'}: ${p.message}`).join('\n'),
    );
    this.name = 'RulesInvalid';
  }
}

export const KINDS = ['notified', 'unspecified', 'redirect'] as const;

export interface Compiled {
  ruleSet: RuleSet;
  /** locales/languages.json: the languages, their names and typography. */
  languages: LanguagesFile;
  /** The texts of each configured language, by its code. */
  locales: Record<string, Record<string, unknown>>;
  /** rules/links.yaml: official pages, forms and helplines (links only). */
  links: LinkSet;
  files: string[]; // every file read, for watch mode
}

type Json = Record<string, unknown>;

/**
 * `partial` (env TEIJU_PARTIAL=1) is for authors working on a few rules at once: missing rule
 * files, references to them (treated as never matching), unread facts and missing fact texts
 * are tolerated. Builds and the test command never use it.
 */
export function compileRules(root: string, partial = process.env.TEIJU_PARTIAL === '1'): Compiled {
  const problems: RuleProblem[] = [];
  const files: string[] = [];
  const rel = (f: string) => relative(root, f);

  function readYaml(file: string): unknown {
    files.push(file);
    try {
      return parse(readFileSync(file, 'utf8'), { prettyErrors: true }) as unknown;
    } catch (e) {
      problems.push({ file: rel(file), path: '', message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` });
      return undefined;
    }
  }
  function readJson(file: string): Json | undefined {
    files.push(file);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Json;
    } catch (e) {
      problems.push({ file: rel(file), path: '', message: `not valid JSON: ${(e as Error).message}` });
      return undefined;
    }
  }
  function check<T>(schema: z.ZodType<T>, data: unknown, file: string): T | undefined {
    const res = schema.safeParse(data);
    if (res.success) return res.data;
    for (const issue of res.error.issues)
      problems.push({ file: rel(file), path: issue.path.map(String).join('.'), message: issue.message });
    return undefined;
  }
  const rulesDir = join(root, 'rules');

  // ── catalogues ──
  const index = check(indexFile, readYaml(join(rulesDir, 'index.yaml')), join(rulesDir, 'index.yaml'));
  const factsPath = join(rulesDir, 'facts.yaml');
  const factList = check(factFile, readYaml(factsPath), factsPath) ?? [];
  const laws = (readYaml(join(rulesDir, 'laws.yaml')) ?? {}) as Json;
  const sources = (readYaml(join(rulesDir, 'sources.yaml')) ?? {}) as Json;
  const linksPath = join(rulesDir, 'links.yaml');
  const linkData = check(linksFile, readYaml(linksPath), linksPath);
  const links: LinkSet = { links: {}, routes: linkData?.routes ?? {}, helplines: linkData?.helplines ?? {} };
  for (const [id, l] of Object.entries(linkData?.links ?? {})) {
    links.links[id] = { id, ...l };
    if (l.enJapaneseOnly && l.en !== l.ja)
      problems.push({
        file: 'rules/links.yaml',
        path: `links.${id}.en`,
        message: 'with enJapaneseOnly, en must be the Japanese page (the same as ja)',
      });
  }
  for (const [route, id] of Object.entries(links.routes))
    if (!links.links[id])
      problems.push({ file: 'rules/links.yaml', path: `routes.${route}`, message: `unknown link '${id}'` });
  for (const [topic, ids] of Object.entries(links.helplines))
    for (const [i, id] of (ids ?? []).entries()) {
      if (!links.links[id])
        problems.push({ file: 'rules/links.yaml', path: `helplines.${topic}.${i}`, message: `unknown link '${id}'` });
      else if (!links.links[id].tel)
        problems.push({ file: 'rules/links.yaml', path: `helplines.${topic}.${i}`, message: `'${id}' has no tel` });
    }
  const facts = new Map(
    factList.map((f, i) => [f.id, { ...f, readBy: [] as string[], caps: undefined as string[] | undefined, order: i }]),
  );
  factList.forEach((f, i) => {
    if (factList.findIndex((g) => g.id === f.id) !== i)
      problems.push({ file: 'rules/facts.yaml', path: `${i}.id`, message: `duplicate fact '${f.id}'` });
    for (const a of f.after ?? [])
      if (facts.get(a)?.type !== 'date')
        problems.push({ file: 'rules/facts.yaml', path: `${i}.after`, message: `'${a}' is not a date fact` });
  });

  // ── shared conditions ──
  const shared = new Map<string, { file: string; data: z.infer<typeof sharedFile> }>();
  const sharedDir = join(rulesDir, 'shared');
  for (const name of existsSync(sharedDir) ? readdirSync(sharedDir).sort() : []) {
    if (!name.endsWith('.yaml')) continue;
    const file = join(sharedDir, name);
    const data = check(sharedFile, readYaml(file), file);
    if (!data) continue;
    if (`${data.id}.yaml` !== name) problems.push({ file: rel(file), path: 'id', message: `must match the file name` });
    shared.set(data.id, { file, data });
  }

  // ── rule files ──
  const inputs = new Map<string, { file: string; data: RuleFile }>();
  for (const kind of KINDS) {
    const dir = join(rulesDir, kind);
    for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
      if (!name.endsWith('.yaml') || name.endsWith('.cases.yaml')) continue;
      const file = join(dir, name);
      const raw = readYaml(file);
      const rawKind = (raw as { kind?: unknown } | undefined)?.kind;
      if (rawKind !== undefined && rawKind !== kind)
        problems.push({ file: rel(file), path: 'kind', message: `must be '${kind}' in ${kind}/` });
      const data = check(ruleFile, raw, file);
      if (!data) continue;
      if (`${data.id}.yaml` !== name)
        problems.push({ file: rel(file), path: 'id', message: 'must match the file name' });
      inputs.set(data.id, { file, data });
    }
  }
  const order = index?.order ?? [];
  for (const id of order)
    if (!inputs.has(id) && !partial)
      problems.push({ file: 'rules/index.yaml', path: 'order', message: `no rule file for '${id}'` });
  for (const id of inputs.keys())
    if (!order.includes(id))
      problems.push({ file: 'rules/index.yaml', path: 'order', message: `'${id}' is not listed` });

  // ── compile conditions (conditions.ts) ──
  const compiled = new Map<string, Rule>();
  const { checkCite, compileRule } = ruleCompiler({
    facts,
    shared,
    inputs,
    order,
    problems,
    rel,
    laws,
    sources,
    partial,
  });

  for (const [ruleId, { file, data }] of inputs) {
    const rule = compileRule(ruleId, file, data);
    if (rule) compiled.set(ruleId, rule);
  }

  // ── the law's values (rules/parameters.yaml) ──
  const parametersPath = join(rulesDir, 'parameters.yaml');
  const paramsIn = check(parametersFile, readYaml(parametersPath), parametersPath);
  const parameters = compileParameters(paramsIn, facts, problems, checkCite);

  // ── deadlines (rules/deadlines.yaml) ──
  const deadlinesPath = join(rulesDir, 'deadlines.yaml');
  const deadlineList: DeadlinesFile = existsSync(deadlinesPath)
    ? (check(deadlinesFile, readYaml(deadlinesPath), deadlinesPath) ?? [])
    : [];
  const deadlines: DeadlineRule[] = [];
  for (const [i, d] of deadlineList.entries()) {
    const f = 'rules/deadlines.yaml';
    if (deadlineList.findIndex((x) => x.id === d.id) !== i)
      problems.push({ file: f, path: `${i}.id`, message: `duplicate deadline '${d.id}'` });
    checkCite(d.cite, f, `${i}.cite`);
    for (const [j, fact] of d.from.entries())
      if (facts.get(fact)?.type !== 'date')
        problems.push({ file: f, path: `${i}.from.${j}`, message: `'${fact}' is not a date fact (rules/facts.yaml)` });
    for (const [j, r] of (d.governs?.rules ?? []).entries())
      if (!inputs.has(r) && !partial)
        problems.push({ file: f, path: `${i}.governs.rules.${j}`, message: `unknown rule '${r}'` });
    const governed = [...compiled.values()]
      .filter((r) => !r.deleted)
      .filter((r) => d.governs?.rules.includes(r.id) || r.routes.some((x) => d.governs?.routes.includes(x)))
      .sort((a, b) => a.order - b.order)
      .map((r) => r.id);
    // `when` and `excusedWhen` are conditions as in a rule, compiled the same way; they may not
    // refer to a category (a deadline is computed beside the verdicts, not after them).
    const pseudo = `deadline:${d.id}`;
    const condOf = (c: CondInput | undefined, field: string): CondNode | undefined => {
      if (!c) return undefined;
      if (JSON.stringify(c).includes('"rule":'))
        problems.push({ file: f, path: `${i}.${field}`, message: 'a deadline condition may not refer to a rule' });
      const input = {
        conditions: c,
        source: d.cite,
        routes: [],
        documents: [],
        notes: [],
        cannotCheck: [],
      } as unknown as RuleFile;
      return compileRule(pseudo, deadlinesPath, input, `${i}.${field}`)?.condition;
    };
    const when = condOf(d.when, 'when');
    const excusedWhen = condOf(d.excusedWhen, 'excusedWhen');
    // The facts a deadline reads can change the verdicts it caps (Fact.caps): the wizard asks
    // them when (and only when) a capped verdict could follow. They are not readBy: the caps are
    // applied to every verdict after the rules, so those rules need not be evaluated again.
    for (const fact of facts.values()) {
      const at = fact.readBy.indexOf(pseudo);
      if (at >= 0) fact.readBy.splice(at, 1);
      if ((at >= 0 || d.from.includes(fact.id)) && governed.length) {
        const caps = (fact.caps ??= []);
        for (const r of governed) if (!caps.includes(r)) caps.push(r);
      }
    }
    const out: DeadlineRule = {
      id: d.id,
      kind: d.kind,
      from: d.from,
      period: d.period,
      cite: d.cite,
      inForce: d.inForce,
      rules: governed,
    };
    if (when) out.when = when;
    if (excusedWhen) out.excusedWhen = excusedWhen;
    deadlines.push(out);
  }

  // Evaluation order: a rule after every rule it refers to (the 告示's exclusions), else by index.
  const evalOrder: Rule[] = [];
  const state = new Map<string, 'visiting' | 'done'>();

  function visit(rule: Rule, chain: string[]) {
    const s = state.get(rule.id);
    if (s === 'done') return;
    if (s === 'visiting') {
      problems.push({
        file: 'rules/',
        path: '',
        message: `rules refer to each other in a circle: ${[...chain, rule.id].join(' → ')}`,
      });
      return;
    }
    state.set(rule.id, 'visiting');
    for (const r of refsOf(rule.condition)) {
      const dep = compiled.get(r);
      if (dep) visit(dep, [...chain, rule.id]);
    }
    state.set(rule.id, 'done');
    evalOrder.push(rule);
  }
  [...compiled.values()].sort((a, b) => a.order - b.order).forEach((r) => visit(r, []));

  // A premise names questions asked earlier and real answers of theirs. The questions it names
  // are read by every rule that reads the question it closes.
  const valuesOf = (x: { type: string; options?: string[] } | undefined) =>
    x?.type === 'yesno' ? ['yes', 'no'] : (x?.options ?? []);
  const checkPremise = (i: number, own: string, c: PremiseInput, path: string, named: Set<string>) => {
    const err = (p: string, message: string) => problems.push({ file: 'rules/facts.yaml', path: `${i}.${p}`, message });
    if (c.else !== undefined && !valuesOf(facts.get(own)).includes(c.else))
      err(`${path}.else`, `'${c.else}' is not an answer of '${own}'`);
    if ('any' in c || 'all' in c) {
      const list = 'any' in c ? c.any : c.all;
      const key = 'any' in c ? 'any' : 'all';
      list.forEach((x, j) => checkPremise(i, own, x, `${path}.${key}.${j}`, named));
      return;
    }
    const name = 'age' in c ? c.age : c.fact;
    const other = facts.get(name);
    const field = `${path}.${'age' in c ? 'age' : 'fact'}`;
    if (!other) return err(field, `unknown fact '${name}'`);
    if (other.order >= i) return err(field, `'${name}' must be a fact asked before '${own}'`);
    named.add(name);
    if ('age' in c) {
      if (other.type !== 'date') err(field, `'${name}' is a ${other.type}, an age needs a date fact`);
      if (c.under === undefined && c.atLeast === undefined) err(path, 'an age premise needs `under` or `atLeast`');
      return;
    }
    if (other.type === 'date') return err(field, `'${name}' is a date, not a yes/no, choice or multi`);
    for (const [j, v] of c.in.entries())
      if (!valuesOf(other).includes(v)) err(`${path}.in.${j}`, `'${v}' is not an answer of '${name}'`);
  };
  for (const [i, f] of factList.entries()) {
    if (!f.premise) continue;
    const named = new Set<string>();
    checkPremise(i, f.id, f.premise, 'premise', named);
    const then = f.premise.then;
    if (then !== undefined && !valuesOf(f).includes(then))
      problems.push({
        file: 'rules/facts.yaml',
        path: `${i}.premise.then`,
        message: `'${then}' is not an answer of '${f.id}'`,
      });
    const own = facts.get(f.id)!;
    for (const name of named) {
      const other = facts.get(name);
      if (other) for (const r of own.readBy) if (!other.readBy.includes(r)) other.readBy.push(r);
    }
  }

  // The catalogue goes section by section: a group, once left, is not taken up again (the
  // wizard's progress counts sections, and must never go back on the same path).
  const seenGroups: string[] = [];
  for (const [i, f] of factList.entries()) {
    if (seenGroups.at(-1) === f.group) continue;
    if (seenGroups.includes(f.group))
      problems.push({
        file: 'rules/facts.yaml',
        path: `${i}.group`,
        message: `'${f.id}' comes after the '${f.group}' questions were left: keep each group together`,
      });
    else seenGroups.push(f.group);
  }

  for (const fact of facts.values())
    if (!fact.readBy.length && !fact.caps?.length && !partial && compiled.size === inputs.size && inputs.size > 0)
      problems.push({ file: 'rules/facts.yaml', path: fact.id, message: 'no rule reads this fact' });

  // ── texts (texts.ts), in every language of locales/languages.json (languages.ts) ──
  const languages = readLanguages(root, readJson, problems);
  const locales = compileTexts({
    root,
    langs: languages?.languages.map((l) => l.code) ?? [],
    readJson,
    rel,
    problems,
    partial,
    facts: [...facts.values()],
    laws,
    links,
    deadlines,
    shared,
    rules: [...compiled.values()],
  });

  if (problems.length) throw new RulesInvalid(problems);
  const factsOut: Fact[] = [...facts.values()];
  const rulesOut = evalOrder;
  const hash = createHash('sha256')
    .update(JSON.stringify({ factsOut, rulesOut, deadlines, parameters }))
    .digest('hex')
    .slice(0, 12);
  const ruleSet = {
    version: { checked: index!.checkedAgainstLaw, hash },
    facts: factsOut,
    rules: rulesOut,
    deadlines,
    parameters,
  };
  return {
    // The lookups the engine reads, derived from the rest (so not in the hash).
    ruleSet: withOpening({ ...ruleSet, index: buildIndex(ruleSet) }),
    languages: languages!,
    locales,
    links,
    files,
  };
}
