// Reads rules/ and locales/, validates everything, and compiles the rule set the engine runs.
// Build-time only (Node). Every problem is reported as `file: field.path: message`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { premiseFacts } from '../engine/premises';
import { childrenOf, refsOf } from '../engine/tree';
import type { CondNode, DeadlineRule, Fact, Parameters, Period, Rule, RuleSet } from '../engine/types';
import type { LinkSet } from '../present/links';
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

export const LANGS = ['en', 'ja'] as const;
export const KINDS = ['notified', 'unspecified', 'redirect'] as const;
const NOTIFIED_PERIODS: Period[] = ['5y', '3y', '1y', '6m'];

export interface Compiled {
  ruleSet: RuleSet;
  locales: Record<(typeof LANGS)[number], Record<string, unknown>>;
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

  // ── compile conditions ──
  function checkCite(c: z.infer<typeof import('./schema').citation> | undefined, file: string, path: string) {
    if (!c) return;
    if (!(c.law in laws))
      problems.push({ file, path: `${path}.law`, message: `unknown law '${c.law}' (rules/laws.yaml)` });
    for (const r of c.refs)
      if (!(r in sources))
        problems.push({ file, path: `${path}.refs`, message: `unknown source '${r}' (rules/sources.yaml)` });
  }

  /** `at`: where the condition sits in the file (`conditions`, or a deadline's `0.when`). */
  function compileRule(ruleId: string, file: string, input: RuleFile, at = 'conditions'): Rule | undefined {
    const f = rel(file);
    let n = 0;
    const scopes: Record<number, string> = {};
    const ids = new Map<string, string>(); // id -> scope, to find duplicates
    const before = problems.length;

    function factOf(name: string, path: string, types?: Fact['type'][]): Fact | undefined {
      const fact = facts.get(name);
      if (!fact) {
        problems.push({ file: f, path, message: `unknown fact '${name}' (rules/facts.yaml)` });
        return undefined;
      }
      if (types && !types.includes(fact.type))
        problems.push({ file: f, path, message: `fact '${name}' is a ${fact.type}, expected ${types.join(' or ')}` });
      if (!fact.readBy.includes(ruleId)) fact.readBy.push(ruleId);
      return fact;
    }

    function build(c: CondInput, path: string, scope: string, useStack: string[]): CondNode {
      const base = { n: n++ } as CondNode;
      const meta = c as unknown as Json;
      if (typeof meta.id === 'string') {
        base.id = meta.id;
        scopes[base.n] = scope;
        const key = `${scope}.${meta.id}`;
        if (ids.has(key))
          problems.push({ file: f, path: `${path}.id`, message: `duplicate condition id '${meta.id}'` });
        ids.set(key, scope);
      }
      if (meta.cite) {
        checkCite(meta.cite as never, f, `${path}.cite`);
        base.cite = meta.cite as never;
      }
      if (meta.confidence) base.confidence = meta.confidence as never;
      if (meta.askExpert) base.askExpert = true;
      if (meta.expertIfNotMet !== undefined) {
        const doubt = meta.expertIfNotMet as string | { note: string; when?: PremiseInput; unless?: PremiseInput };
        const note = typeof doubt === 'string' ? doubt : doubt.note;
        if (!scope.startsWith('rules.'))
          problems.push({
            file: f,
            path: `${path}.expertIfNotMet`,
            message: 'only in a rule file, naming one of its notes',
          });
        else if (!input.notes.includes(note))
          problems.push({
            file: f,
            path: `${path}.expertIfNotMet`,
            message: `'${note}' is not one of the rule's notes`,
          });
        base.expertIfNotMet = { key: `rules.${ruleId}.notes.${note}` };
        if (typeof doubt !== 'string')
          for (const k of ['when', 'unless'] as const) {
            const cond = doubt[k];
            if (!cond) continue;
            // Not read by the rule: these answers only raise or silence the doubt, never a verdict.
            for (const fact of premiseFacts(cond))
              if (!facts.has(fact))
                problems.push({ file: f, path: `${path}.expertIfNotMet.${k}`, message: `unknown fact '${fact}'` });
            base.expertIfNotMet[k] = cond;
          }
      }
      const node = base as unknown as Json;
      if ('all' in c || 'any' in c) {
        const op = 'all' in c ? 'all' : 'any';
        const list = meta[op] as CondInput[];
        return Object.assign(node, {
          op,
          of: list.map((x, i) => build(x, `${path}.${op}.${i}`, scope, useStack)),
        }) as never;
      }
      if ('not' in c)
        return Object.assign(node, { op: 'not', of: build(c.not as never, `${path}.not`, scope, useStack) }) as never;
      if ('fact' in c) {
        const fact = factOf(c.fact, `${path}.fact`, ['yesno', 'choice']);
        const values = (c.in ?? [c.is]) as (string | number)[];
        const allowed = fact?.type === 'yesno' ? ['yes', 'no'] : fact?.type === 'choice' ? fact.options : undefined;
        for (const [field, list] of [
          ['in', values],
          ['unclear', c.unclear ?? []],
          ['expertWhen', c.expertWhen ?? []],
        ] as const)
          for (const v of list)
            if (allowed && !allowed.includes(v as string))
              problems.push({
                file: f,
                path: `${path}.${field}`,
                message: `'${v}' is not an answer of '${c.fact}' (${allowed.join(', ')})`,
              });
        const out: Json = { op: 'in', fact: c.fact, values };
        if (c.unclear) out.unclear = c.unclear;
        if (c.expertWhen) out.expertWhen = c.expertWhen;
        return Object.assign(node, out) as never;
      }
      if ('age' in c) {
        factOf(c.age, `${path}.age`, ['date']);
        if (c.at) factOf(c.at, `${path}.at`, ['date']);
        const out: Json = { op: 'age', fact: c.age };
        for (const k of ['under', 'atLeast', 'minor', 'at', 'expertWithin'] as const)
          if (c[k] !== undefined) out[k] = c[k];
        return Object.assign(node, out) as never;
      }
      if ('since' in c) {
        factOf(c.since, `${path}.since`, ['date']);
        return Object.assign(node, { op: 'since', fact: c.since, passed: c.passed }) as never;
      }
      if ('between' in c) {
        const [from, to] = c.between;
        for (const [i, side] of [from, to].entries())
          for (const [j, d] of (typeof side === 'string' ? [side] : side).entries())
            if (!(i === 1 && d === '$asOf'))
              factOf(d, typeof side === 'string' ? `${path}.between.${i}` : `${path}.between.${i}.${j}`, ['date']);
        const out: Json = { op: 'between', from, to, atLeast: c.atLeast };
        if (c.tolerance) out.tolerance = c.tolerance;
        return Object.assign(node, out) as never;
      }
      if ('date' in c) {
        if (c.date !== '$asOf') factOf(c.date, `${path}.date`, ['date']);
        const out: Json = { op: 'date', fact: c.date };
        if (c.before) out.before = c.before;
        if (c.onOrAfter) out.onOrAfter = c.onOrAfter;
        return Object.assign(node, out) as never;
      }
      if ('rule' in c) {
        if (!inputs.has(c.rule)) {
          if (partial) return Object.assign(node, { op: 'any', of: [] }) as never;
          problems.push({ file: f, path: `${path}.rule`, message: `unknown rule '${c.rule}'` });
        }
        return Object.assign(node, { op: 'rule', rule: c.rule }) as never;
      }
      const useId = c.use;
      const def = shared.get(useId);
      if (!def || useStack.includes(useId)) {
        problems.push({
          file: f,
          path: `${path}.use`,
          message: def
            ? `shared condition '${useId}' uses itself`
            : `unknown shared condition '${useId}' (rules/shared/)`,
        });
        return Object.assign(node, { op: 'all', of: [] }) as never;
      }
      const inner = build(def.data.condition, `use:${useId}`, `shared.${useId}`, [...useStack, useId]);
      inner.cite ??= def.data.source;
      return Object.assign(node, { op: 'use', use: useId, of: inner }) as never;
    }

    checkCite(input.source, f, 'source');
    let condition: CondNode;
    const body = input.conditions ? build(input.conditions, at, `rules.${ruleId}`, []) : undefined;
    if (input.excludes) {
      checkCite(input.excludes.cite, f, 'excludes.cite');
      for (const r of input.excludes.rules)
        if (!inputs.has(r) && !partial)
          problems.push({ file: f, path: 'excludes.rules', message: `unknown rule '${r}'` });
      const refs = input.excludes.rules
        .filter((r) => inputs.has(r))
        .map((rule): CondNode => ({ n: n++, op: 'rule', rule }));
      const exclusion: CondNode = {
        n: n++,
        id: 'exclusion',
        op: 'exclusion',
        excludes: input.excludes.rules,
        ...(input.excludes.wording !== undefined && { wording: input.excludes.wording }),
        cite: input.excludes.cite ?? input.source,
        of: { n: n++, op: 'not', of: { n: n++, op: 'any', of: refs } },
      };
      condition = body ? { n: n++, op: 'all', of: [body, exclusion] } : exclusion;
    } else condition = body ?? { n: n++, op: 'all', of: [] };

    for (const [i, d] of input.documents.entries())
      for (const p of d.proves)
        if (![...ids.keys()].some((k) => k.endsWith(`.${p}`)))
          problems.push({ file: f, path: `documents.${i}.proves`, message: `no condition with id '${p}'` });

    if (problems.length > before) return undefined;
    const periods: Period[] =
      input.periods === 'notified'
        ? NOTIFIED_PERIODS
        : input.periods === 'individual'
          ? ['individual']
          : input.periods === 'none'
            ? []
            : input.periods;
    const rule: Rule = {
      id: ruleId,
      kind: input.kind,
      order: order.indexOf(ruleId),
      source: input.source,
      confidence: input.confidence,
      inForce: input.inForce,
      discretionary: input.discretionary,
      periods,
      routes: input.routes.map((r) => (typeof r === 'string' ? r : r.route)),
      documents: input.documents,
      notes: input.notes,
      cannotCheck: input.cannotCheck,
      condition,
      nodeCount: n,
      scopes,
    };
    if (input.deleted) rule.deleted = true;
    if (input.lineage) rule.lineage = input.lineage;
    for (const [i, r] of input.routes.entries()) {
      if (typeof r === 'string') continue;
      if (!input.notes.includes(r.note))
        problems.push({ file: f, path: `routes.${i}.note`, message: `'${r.note}' is not one of the rule's notes` });
      for (const s of r.refs)
        if (!(s in sources))
          problems.push({ file: f, path: `routes.${i}.refs`, message: `unknown source '${s}' (rules/sources.yaml)` });
      (rule.routeDoubts ??= {})[r.route] = {
        confidence: r.confidence,
        note: `rules.${ruleId}.notes.${r.note}`,
        refs: r.refs,
      };
    }
    if (input.typicalPeriod) rule.typicalPeriod = input.typicalPeriod;
    if (input.redirectTo) rule.redirectTo = input.redirectTo;
    return rule;
  }

  const compiled = new Map<string, Rule>();
  for (const [ruleId, { file, data }] of inputs) {
    const rule = compileRule(ruleId, file, data);
    if (rule) compiled.set(ruleId, rule);
  }

  // ── the law's values (rules/parameters.yaml) ──
  const parametersPath = join(rulesDir, 'parameters.yaml');
  const paramsIn = check(parametersFile, readYaml(parametersPath), parametersPath);
  const parameters: Parameters = {
    ageOfMajority: Object.entries(paramsIn?.age_of_majority.values ?? {})
      .map(([from, value]) => ({ from, value }))
      .sort((a, b) => (a.from < b.from ? -1 : 1)),
    routePlace: paramsIn?.route_place.values ?? ({} as Parameters['routePlace']),
  };
  if (paramsIn)
    for (const [key, p] of Object.entries(paramsIn)) checkCite(p.cite, 'rules/parameters.yaml', `${key}.cite`);

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

  // ── texts ──
  const locales = {} as Compiled['locales'];
  for (const lang of LANGS) {
    const dir = join(root, 'locales', lang);
    const bundle: Json = {};
    // `ui.json` and the folder `ui/` (one file a feature, e.g. `ui/print.json` → ui.print.*) merge
    // into one tree; the same key in both is an error, not a silent overwrite.
    const walk = (d: string, into: Json) => {
      for (const name of existsSync(d) ? readdirSync(d).sort() : []) {
        const p = join(d, name);
        if (name.endsWith('.json')) merge(into, name.slice(0, -5), readJson(p) ?? {}, rel(p), []);
        else if (!name.includes('.')) walk(p, ((into[name] as Json | undefined) ??= {} as Json));
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
    walk(dir, bundle);
    locales[lang] = bundle;
    const need = (obj: unknown, keys: string[], file: string) => {
      let cur: unknown = obj;
      for (const k of keys) cur = cur && typeof cur === 'object' ? (cur as Json)[k] : undefined;
      if (typeof cur !== 'string' || !cur.trim())
        problems.push({
          file,
          path: keys.join('.'),
          message: `missing ${lang === 'ja' ? 'Japanese' : 'English'} text`,
        });
    };
    const factsFile = `locales/${lang}/facts.json`;
    for (const fact of partial ? [] : facts.values()) {
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
    for (const rule of compiled.values()) {
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

  if (problems.length) throw new RulesInvalid(problems);
  const factsOut: Fact[] = [...facts.values()];
  const rulesOut = evalOrder;
  const hash = createHash('sha256')
    .update(JSON.stringify({ factsOut, rulesOut, deadlines, parameters }))
    .digest('hex')
    .slice(0, 12);
  return {
    ruleSet: {
      version: { checked: index!.checkedAgainstLaw, hash },
      facts: factsOut,
      rules: rulesOut,
      deadlines,
      parameters,
    },
    locales,
    links,
    files,
  };
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
