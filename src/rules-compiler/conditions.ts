// Compiles one rule file's conditions (and a deadline's) into the engine's condition tree: every
// fact, shared condition, reference and citation checked, with the file and field of each problem.
// Part of compile.ts, which owns the catalogues and hands them over here.
import type { z } from 'zod';
import { premiseFacts } from '../engine/premises';
import type { CondNode, Fact, Period, Rule } from '../engine/types';
import type { RuleProblem } from './compile';
import type { CondInput, PremiseInput, RuleFile, sharedFile } from './schema';

const NOTIFIED_PERIODS: Period[] = ['5y', '3y', '1y', '6m'];

type Json = Record<string, unknown>;

export interface RuleCompilerContext {
  facts: Map<string, Fact & { readBy: string[]; caps: string[] | undefined; order: number }>;
  shared: Map<string, { file: string; data: z.infer<typeof sharedFile> }>;
  inputs: Map<string, { file: string; data: RuleFile }>;
  order: string[];
  problems: RuleProblem[];
  rel: (file: string) => string;
  laws: Json;
  sources: Json;
  partial: boolean;
}

export function ruleCompiler(ctx: RuleCompilerContext) {
  const { facts, shared, inputs, order, problems, rel, laws, sources, partial } = ctx;
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

  return { checkCite, compileRule };
}
