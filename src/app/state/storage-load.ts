// Reading the stored journey back (storage.ts says how it is stored): re-validated with the
// engine's parseAnswers, one answer at a time. In the engine's chunk (src/app/state/journey.ts), as it
// needs the engine's answer checks, which the first page does without.
import { checkConsistency, parseAnswers } from '../../engine/answers';
import type { Answers, RuleSet } from '../../engine/types';
import { emptyJourney } from './journey-steps';
import { readItem, STORAGE_KEY, STORAGE_VERSION, type Loaded, type StorageLike } from './storage';
import { pathInOrder } from './answer-set';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function pathFor(raw: unknown, answers: Answers, set: RuleSet): string[] {
  const given = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  const path = [...new Set(given)].filter((id) => answers[id] !== undefined);
  // Answers missing from the path go after it, in question order.
  return [...path, ...pathInOrder(set, answers).filter((id) => !path.includes(id))];
}

export function loadJourney(storage: StorageLike | null, set: RuleSet, asOf: string): Loaded {
  const raw = readItem(storage, STORAGE_KEY);
  if (raw === null) return { journey: emptyJourney() };
  try {
    const data = JSON.parse(raw) as unknown;
    if (!isRecord(data) || data.version !== STORAGE_VERSION || !isRecord(data.answers))
      return { journey: emptyJourney(), notice: { kind: 'refused' } };
    const given = data.answers;
    const ids = Object.keys(given);
    // Each answer on its own, as an answers file of one answer; then contradictions between them.
    const kept = Object.create(null) as Answers;
    for (const id of ids)
      if (parseAnswers(set, { version: 1, answers: { [id]: given[id] } }, asOf).ok) kept[id] = given[id] as string;
    for (const e of checkConsistency(set, kept, asOf)) delete kept[e.path];
    const parsed = parseAnswers(set, { version: 1, answers: { ...kept } }, asOf);
    const answers = parsed.ok ? parsed.answers : {};
    const keptCount = Object.keys(answers).length;
    const journey = { answers, path: pathFor(data.path, answers, set) };
    const sameRules = data.rulesHash === set.version.hash;
    if (sameRules && keptCount === ids.length) return { journey };
    if (!sameRules && ids.length === 0) return { journey };
    const known = new Set(set.facts.map((f) => f.id));
    const facts = ids.filter((id) => answers[id] === undefined && known.has(id));
    return {
      journey,
      notice: { kind: sameRules ? 'damaged' : 'migrated', kept: keptCount, dropped: ids.length - keptCount, facts },
    };
  } catch {
    return { journey: emptyJourney(), notice: { kind: 'refused' } };
  }
}
