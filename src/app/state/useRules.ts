// The rules and the engine arrive after the start page: main.tsx passes a promise of the rules
// and loads the engine's side of the journey (src/app/state/journey.ts) with them, and the start page
// hydrates without either. Until then the shell works with a stand-in that holds only what the
// start page shows or needs, a few bytes compiled at build time.
import { startTransition, useEffect, useState } from 'react';
import summary from 'virtual:teiju/rules-summary';
import type { RuleSet } from '../../engine/types';
import type * as JourneyModule from './journey';

/** The rules, or a promise of them (the browser: they load while the person reads the start page). */
export type RulesSource = RuleSet | Promise<RuleSet>;

/**
 * The stand-in until the rules arrive: their version (the footer) and no facts, rules, deadlines
 * parameters or lookups (nothing is evaluated against it: the pages that screen wait for the rules).
 */
export const NO_RULES: RuleSet = {
  version: summary.version,
  facts: [],
  rules: [],
  deadlines: [],
  // The routes and their questions are read only by a screening, which waits for the rules.
  parameters: { ageOfMajority: [] } as unknown as RuleSet['parameters'],
  // Read before the rules arrive only by a prerendered question's page (its premises and whether
  // it is a family-line question); the other lookups serve the engine's screening, which waits.
  index: { premised: [], premiseNamed: [], lineage: { gate: '', all: [] } } as unknown as RuleSet['index'],
};

/** The questions the engine asks when nothing is answered (its first one), for Start before the rules arrive. */
export const FIRST_QUESTIONS: readonly string[] = summary.first;

/** The engine's side of the journey, as the shell uses it. */
export type JourneyEngine = Pick<
  typeof JourneyModule,
  'nextFor' | 'screenFor' | 'applyAnswer' | 'afterAnswer' | 'loadJourney' | 'serializeAnswers'
>;

let engine: JourneyEngine | undefined;
let loading: Promise<JourneyEngine> | undefined;

/** Loads the engine's side of the journey once (its own chunk, with the engine). */
export function loadEngine(): Promise<JourneyEngine> {
  return (loading ??= import('./journey').then((m) => (engine = m)));
}

/** The engine's side of the journey, once loaded. */
export function loadedEngine(): JourneyEngine | undefined {
  return engine;
}

export type RulesState =
  | { ruleSet: RuleSet; engine: JourneyEngine; failed?: never }
  | { ruleSet?: undefined; engine?: undefined; failed: boolean };

/** The rules and the engine once both are there (at once when the rules are given and the engine loaded). */
export function useRules(source: RulesSource): RulesState {
  const [result, setResult] = useState<{ from: RulesSource; ruleSet?: RuleSet; failed: boolean }>({
    from: source,
    failed: false,
  });
  useEffect(() => {
    if (!(source instanceof Promise) && engine) return; // there from the first render
    let live = true;
    Promise.all([source, loadEngine()]).then(
      // A transition: the first render with the rules (the journey read, the questions worked out)
      // is done in slices, so that a tap or a key on the start page is not held up by it.
      ([ruleSet]) => live && startTransition(() => setResult({ from: source, ruleSet, failed: false })),
      () => live && setResult({ from: source, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [source]);
  const ruleSet = source instanceof Promise ? (result.from === source ? result.ruleSet : undefined) : source;
  if (ruleSet && engine) return { ruleSet, engine };
  return { failed: result.from === source && result.failed };
}
