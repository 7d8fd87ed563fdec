// The Nikkei family line, as the answers describe it: the applicant, the parent, the grandparent
// and the great-grandparent, whether each was a Japanese national when the next one was born, who
// had a Japanese registered domicile (本籍), the applicant's generation, and which categories the
// engine found for that line. Pure data for the drawing (src/app/components/FamilyTree.tsx) and
// its text alternative; no React, no DOM. The categories and their verdicts come from the engine's
// screening (verdicts and trace lines); nothing here decides the law.
import { effectiveAnswers, screen } from '../engine';
import type { AnswerValue, Answers, RuleSet, Screening, TraceLine, Truth, Verdict } from '../engine/types';

/** The family-line questions of the rules, by what they tell (rules/facts.yaml `lineage:`), as the compiler indexed them. */
export type LineageFacts = RuleSet['index']['lineage'];
export const lineageFacts = (set: RuleSet): LineageFacts => set.index.lineage;

/** What the answers say about one statement: yes, no, "I don't know", or not answered (yet). */
export type Said = 'yes' | 'no' | 'unknown' | 'unanswered';
export type Role = 'you' | 'parent' | 'grandparent' | 'greatGrandparent';
export const ROLES: readonly Role[] = ['you', 'parent', 'grandparent', 'greatGrandparent'];

/**
 * The applicant's place in the line, from the answers:
 * - child: a parent was a Japanese national at the applicant's birth (日本人の子として出生);
 * - g2or3: a parent was born as a child of a Japanese national (日系2世・3世 — the answers do not
 *   tell whether that parent was the emigrant or the emigrant's child);
 * - g3: a grandparent born to a Japanese national once had a 本籍 in Japan, the parent was born
 *   after that grandparent lost Japanese nationality (日系3世);
 * - g4: the Japanese national is a great-grandparent (日系四世);
 * - none: no link in the line was a Japanese national at the next birth;
 * - unknown: not decided yet ("I don't know", or questions still to come).
 */
export type Generation = 'child' | 'g2or3' | 'g3' | 'g4' | 'none' | 'unknown';

export interface Statement {
  said: Said;
  fact: string;
  /** The question on screen asks this. */
  current: boolean;
}

export interface LineagePerson {
  role: Role;
  /** 1 for the Japanese ancestor (1世), 2 for the next (2世), …; absent when the answers do not fix it. */
  generation?: number;
  /** The Japanese national the line goes back to. */
  ancestor: boolean;
  /** Whether this person was a Japanese national when the next younger person was born (not for "you"). */
  atChildBirth?: Statement & {
    /** The answers show this person was a registered Japanese national, but not at that birth. */
    bornAfterLoss: boolean;
  };
  /**
   * Registered in Japan: the grandparent once had a 本籍; the great-grandparent was born Japanese
   * with a 本籍 (the facts marked `says: registered` in rules/facts.yaml).
   * Present when answered or asked now.
   */
  registered?: Statement;
  /** The applicant's date of birth (ISO), when answered. */
  birthDate?: string;
}

export interface LineageItem {
  ruleId: string;
  verdict: Verdict;
  /** A 告示外 category, granted case by case: labelled so (verdictLabelKey), never "likely eligible". */
  discretionary: boolean;
  /** How the category's family-line conditions stand (its trace lines reading only lineage facts); absent when it has none. */
  line?: Truth;
  needsExpert: boolean;
  nearMiss?: { date: string; verdict: Verdict };
  redirectTo?: string;
}

export interface LineageModel {
  /** From the applicant back: you, parent, grandparent, great-grandparent (as far as the answers go). */
  persons: LineagePerson[];
  generation: Generation;
  /** The categories of the line (likely eligible first), from the engine. */
  items: LineageItem[];
  /** The best verdict among the items, or none when no category of the line is left. */
  outcome: Verdict | 'none';
}

function said(v: AnswerValue | undefined): Said {
  if (v === 'yes' || v === 'no' || v === 'unknown') return v;
  return 'unanswered';
}

/** Whether the answers describe a Japanese family line at all: a lineage fact answered yes or "I don't know". */
export function hasLineage(set: RuleSet, answers: Answers, asOf: string): boolean {
  const eff = effectiveAnswers(set, answers, asOf);
  return lineageFacts(set).all.some((f) => eff[f] === 'yes' || eff[f] === 'unknown');
}

/** Whether a question page shows "your line so far": a lineage question, and a line to draw. */
export function showsLineageOn(set: RuleSet, answers: Answers, factId: string, asOf: string): boolean {
  return lineageFacts(set).all.includes(factId) && hasLineage(set, answers, asOf);
}

export function generationOf(set: RuleSet, answers: Answers): Generation {
  const { link, registered } = lineageFacts(set);
  const read = (fact: string | undefined) => said(fact === undefined ? undefined : answers[fact]);
  const pj = read(link[1]);
  const pb = read(link[2]);
  const gb = read(link[3]);
  const gk = read(registered[2]);
  const ggk = read(registered[3]);
  if (pj === 'yes') return 'child';
  if (pj !== 'no') return 'unknown';
  if (pb === 'yes') return 'g2or3';
  if (pb !== 'no') return 'unknown';
  if (gb === 'yes') return gk === 'yes' ? 'g3' : gk === 'no' ? 'g4' : 'unknown';
  if (gb === 'no') return ggk === 'yes' ? 'g4' : ggk === 'no' ? 'none' : 'unknown';
  return 'unknown';
}

/** The person the line is counted from, and whether the answers fix the generation numbers. */
const ANCESTOR: Record<Generation, { at: number; numbered: boolean } | undefined> = {
  child: { at: 1, numbered: false },
  g2or3: { at: 2, numbered: false },
  g3: { at: 2, numbered: true },
  g4: { at: 3, numbered: true },
  none: undefined,
  unknown: undefined,
};

/** The topmost trace lines that read lineage facts only. */
function lineageLines(line: string[], lines: TraceLine[]): TraceLine[] {
  return lines.flatMap((l) =>
    l.facts.length > 0 && l.facts.every((f) => line.includes(f)) ? [l] : lineageLines(line, l.children),
  );
}

/** The family-line conditions of a category together (Kleene "and"); undefined when it has none. */
export function lineTruth(set: RuleSet, trace: TraceLine[]): Truth | undefined {
  const lines = lineageLines(lineageFacts(set).all, trace);
  if (!lines.length) return undefined;
  if (lines.some((l) => l.truth === 'not_met')) return 'not_met';
  return lines.some((l) => l.truth === 'unknown') ? 'unknown' : 'met';
}

const RANK: Record<Verdict, number> = { eligible: 0, possible: 1, not_eligible: 2 };

/**
 * The categories that need something of the family line: those whose family-line conditions the
 * engine finds not met when there is no Japanese ancestor at all (the gate answered "no"). A
 * category that only reads the line to rule out a closer generation (e.g. 6号イ: not born to a
 * Japanese national) is not one of them. A screening of its own: the shell memoises its callers
 * per answers (useMemo).
 */
export function lineRules(set: RuleSet, asOf: string): Set<string> {
  const none = screen(set, { [lineageFacts(set).gate]: 'no' }, asOf);
  return new Set(none.results.filter((r) => lineTruth(set, r.trace) === 'not_met').map((r) => r.id));
}

/**
 * The categories of the line, from the engine's screening: each category that needs the family
 * line whose family-line conditions are met (whatever its verdict), or still open while the
 * category is possible; plus the follow-on categories the engine finds likely eligible. When one
 * is likely eligible, the ones that are not are left out.
 */
export function lineageItems(set: RuleSet, screening: Screening): LineageItem[] {
  const needLine = lineRules(set, screening.asOf);
  const items: LineageItem[] = [];
  for (const r of screening.results) {
    let keep = false;
    let line: Truth | undefined;
    if (needLine.has(r.id)) {
      line = lineTruth(set, r.trace);
      keep = line === 'met' || (line === 'unknown' && r.verdict === 'possible');
    } else if (lineageFacts(set).followOns.includes(r.id)) keep = r.verdict === 'eligible';
    if (!keep) continue;
    const item: LineageItem = {
      ruleId: r.id,
      verdict: r.verdict,
      discretionary: r.discretionary,
      needsExpert: r.needsExpert,
    };
    if (line !== undefined) item.line = line;
    if (r.nearMiss) item.nearMiss = r.nearMiss;
    if (r.redirectTo) item.redirectTo = r.redirectTo;
    items.push(item);
  }
  const shown = items.some((i) => i.verdict === 'eligible') ? items.filter((i) => i.verdict !== 'not_eligible') : items;
  return shown
    .map((item, i) => ({ item, i }))
    .sort((a, b) => RANK[a.item.verdict] - RANK[b.item.verdict] || a.i - b.i)
    .map(({ item }) => item);
}

/**
 * The family line of `answers` (gated facts count as the engine counts them), or undefined when
 * the answers show no Japanese family line. `current` is the fact the question on screen asks:
 * the line reaches the person it asks about and marks that statement.
 */
export function lineageModel(
  set: RuleSet,
  answers: Answers,
  asOf: string,
  screening: Screening = screen(set, answers, asOf),
  opts: { current?: string } = {},
): LineageModel | undefined {
  if (!hasLineage(set, answers, asOf)) return undefined;
  const eff = effectiveAnswers(set, answers, asOf);
  const generation = generationOf(set, eff);
  const anc = ANCESTOR[generation];
  const { link, registered, born } = lineageFacts(set);

  let depth = 1;
  for (const byLevel of [link, registered])
    for (const [level, fact] of Object.entries(byLevel))
      if (fact && (eff[fact] !== undefined || opts.current === fact)) depth = Math.max(depth, Number(level));
  if (anc) depth = Math.max(depth, anc.at);

  const statement = (fact: string): Statement => ({ said: said(eff[fact]), fact, current: opts.current === fact });
  const persons: LineagePerson[] = [];
  for (let level = 0; level <= depth; level++) {
    const person: LineagePerson = { role: ROLES[level]!, ancestor: anc?.at === level };
    if (anc?.numbered && level <= anc.at) person.generation = anc.at - level + 1;
    const regFact = registered[level];
    const reg = regFact ? statement(regFact) : undefined;
    if (reg && (reg.said !== 'unanswered' || reg.current)) person.registered = reg;
    if (level > 0) {
      const tie = statement(link[level]!);
      person.atChildBirth = { ...tie, bornAfterLoss: reg?.said === 'yes' && tie.said === 'no' };
    }
    const birth = born === undefined ? undefined : eff[born];
    if (level === 0 && typeof birth === 'string' && birth !== 'unknown') person.birthDate = birth;
    persons.push(person);
  }

  const items = lineageItems(set, screening);
  const best = items[0]?.verdict;
  return { persons, generation, items, outcome: best ?? 'none' };
}

// The drawing's text and box layout: src/present/tree-layout.ts.
export * from './tree-layout';
