// Every category but the deleted item 2 can be reached: a search over the answers, in the order
// the wizard asks them, finds a witness for which the category is eligible (or possible, where
// the rule's own confidence says the law is uncertain or disputed). The witnesses found are kept
// as data in tests/engine/witnesses.json, so a rule change that makes one unreachable, or that
// changes the witness, shows up in review. `UPDATE_WITNESSES=1` rewrites the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../../src/engine/answers';
import { addDuration } from '../../src/engine/dates';
import { verdicts } from '../../src/engine/evaluate';
import { nextQuestions } from '../../src/engine/questions';
import type { AnswerValue, Answers, Fact, RuleSet, Verdict } from '../../src/engine/types';
import { ROOT } from '../support/cases';
import { ruleSet } from '../support/rules';
import { personaAnswer } from '../support/walk';

const AS_OF = '2026-11-23';
const FILE = join(ROOT, 'tests', 'engine', 'witnesses.json');

// Values are tried in an order that gives plain witnesses: "no" before "yes", the catalogue's
// order of options (usually "none" first), adults before children. Dates worth trying: ages and
// periods around the limits the rules use, and the historical days the 告示 names (the end of
// the war, the normalisation with China).
const DATES = [
  ...[30, 45, 22, 19, 16, 10, 7, 5, 4, 3.5, 2, 1, 0.5, 81].map((y) =>
    addDuration(AS_OF, { years: -Math.floor(y), months: -Math.round((y % 1) * 12), days: 0 }),
  ),
  '1944-06-01',
  '1945-09-02',
  '1972-09-29',
];

function valuesOf(f: Fact): AnswerValue[] {
  if (f.type === 'yesno') return ['no', 'yes'];
  if (f.type === 'choice') return f.options ?? [];
  if (f.type === 'multi') return ['none', ...(f.options ?? [])];
  return DATES;
}

/** The facts whose answer can change this rule's verdict (they or a rule they feed read it). */
function factsFor(set: RuleSet, ruleId: string): Fact[] {
  const at = set.rules.findIndex((r) => r.id === ruleId);
  return set.facts.filter((f) => set.index.affects[f.id]?.includes(at));
}

interface Found {
  answers: Answers;
  verdict: Verdict;
}

/**
 * Depth-first over the rule's facts. At each step the open facts are tried for each of their
 * values (consistent answers only): a value that makes the rule eligible ends the search; else
 * the search branches on the most constrained fact, the one with the fewest values that keep
 * the rule alive (not "not eligible") while some other value rules it out. Facts whose every
 * value leaves the verdict as it is come last (they matter only together with others).
 */
function search(set: RuleSet, ruleId: string, budget = 50_000): Answers | undefined {
  const facts = factsFor(set, ruleId);
  let calls = 0;
  const verdict = (answers: Answers) => {
    calls++;
    return verdicts(set, answers, AS_OF).get(ruleId);
  };
  /** The open facts, each with its consistent values that keep the rule alive, and how many rule it out. */
  const options = (answers: Answers) =>
    facts
      .filter((f) => answers[f.id] === undefined)
      .map((f) => {
        const tries = valuesOf(f)
          .map((v) => ({ ...answers, [f.id]: v }))
          .filter((a) => !checkConsistency(set, a, AS_OF).length)
          .map((a) => ({ a, v: verdict(a) }));
        const alive = tries.filter((x) => x.v !== 'not_eligible');
        return {
          win: tries.find((x) => x.v === 'eligible')?.a,
          alive: alive.map((x) => x.a),
          dead: tries.length - alive.length,
        };
      })
      .filter((o) => o.alive.length);
  const walk = (answers: Answers): Answers | undefined => {
    if (calls > budget) return undefined;
    const open = options(answers);
    const win = open.find((o) => o.win)?.win;
    if (win) return win;
    // A fact with a value that rules the rule out must be answered with one of the others in any
    // witness (three-valued logic is monotone), so branching on it loses nothing.
    const forced = open.filter((o) => o.dead > 0).sort((a, b) => a.alive.length - b.alive.length)[0];
    if (forced) {
      for (const next of forced.alive) {
        const found = walk(next);
        if (found) return found;
      }
      return undefined;
    }
    // Only facts that matter together with others are left: try first the answers after which
    // the wizard has the fewest of the rule's questions left (e.g. "no" to a question that would
    // open a branch of follow-ups).
    const first = open[0];
    if (!first) return undefined;
    const ids = new Set(facts.map((f) => f.id));
    const ranked = first.alive
      .map((a) => ({ a, left: nextQuestions(set, a, AS_OF).filter((f) => ids.has(f)).length }))
      .sort((x, y) => x.left - y.left)
      .map((x) => x.a);
    for (const next of ranked) {
      const found = walk(next);
      if (found) return found;
    }
    return undefined;
  };
  const found = verdict({}) === 'not_eligible' ? undefined : walk({});
  return found && minimal(set, ruleId, found);
}

/** Drops, latest first, each answer the verdict does not need, so the kept witness reads plainly. */
function minimal(set: RuleSet, ruleId: string, answers: Answers): Answers {
  const out = { ...answers };
  for (const id of Object.keys(answers).reverse()) {
    const rest = { ...out };
    delete rest[id];
    if (verdicts(set, rest, AS_OF).get(ruleId) === 'eligible' && !checkConsistency(set, rest, AS_OF).length)
      delete out[id];
  }
  return out;
}

/** The wizard, fed with the witness: asked questions get the witness's answer, or "don't know". */
function walkWizard(set: RuleSet, witness: Answers): Answers {
  const answers: Answers = {};
  for (let step = 0; step < set.facts.length; step++) {
    const next = nextQuestions(set, answers, AS_OF)[0];
    if (!next) break;
    const fact = set.facts.find((f) => f.id === next)!;
    // An overview ("select all that apply") is answered as the witness's details imply.
    answers[next] =
      witness[next] ??
      (fact.type === 'multi'
        ? personaAnswer(set, fact, witness, AS_OF)
        : fact.dontKnow
          ? 'unknown'
          : valuesOf(fact)[0]!);
  }
  return answers;
}

const uncertain = (set: RuleSet, id: string) =>
  ['uncertain', 'disputed'].includes(set.rules.find((r) => r.id === id)?.confidence ?? '');

const UPDATE = process.env.UPDATE_WITNESSES === '1';

describe('every category can be reached', () => {
  const live = ruleSet.rules.filter((r) => !r.deleted);
  const kept: Record<string, Found> = existsSync(FILE)
    ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Found>)
    : {};
  const found: Record<string, Found> = {};

  // The search takes tens of seconds, so it runs on demand; the kept witnesses are checked always.
  it.runIf(UPDATE).each(live.map((r) => r.id))(
    '%s: a witness is found by search',
    (id) => {
      const answers = search(ruleSet, id);
      const verdict = answers && verdicts(ruleSet, answers, AS_OF).get(id);
      if (answers && verdict === 'eligible') found[id] = { answers, verdict };
      else
        expect(uncertain(ruleSet, id), `${id}: no eligible witness found, and the rule is not marked uncertain`).toBe(
          true,
        );
    },
    120_000,
  );

  it.runIf(UPDATE)('writes the witnesses', () => {
    writeFileSync(FILE, `${JSON.stringify(found, null, 2)}\n`);
  });

  it.each(live.map((r) => r.id))('%s: the kept witness reaches it, through the wizard too', (id) => {
    const witness = UPDATE ? found[id] : kept[id];
    expect(
      witness,
      `${id} has no witness in tests/engine/witnesses.json: run UPDATE_WITNESSES=1 npx vitest run tests/engine/witnesses.test.ts`,
    ).toBeDefined();
    if (!witness) return;
    expect(witness.verdict === 'eligible' || uncertain(ruleSet, id)).toBe(true);
    expect(verdicts(ruleSet, witness.answers, AS_OF).get(id), `${id} with its witness`).toBe(witness.verdict);
    // The wizard asks its way to the same verdict when the person answers as the witness does.
    const asked = walkWizard(ruleSet, witness.answers);
    expect(verdicts(ruleSet, asked, AS_OF).get(id), `${id} through the wizard`).toBe(witness.verdict);
  });

  it('deleted item 2 is never eligible', () => {
    const deleted = ruleSet.rules.filter((x) => x.deleted);
    expect(deleted.length).toBeGreaterThan(0);
    for (const r of deleted) expect(verdicts(ruleSet, {}, AS_OF).get(r.id)).toBe('not_eligible');
  });
});
