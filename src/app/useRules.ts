// The rules and the engine's results arrive after the start page (main.tsx passes a promise of
// them and the start page hydrates without them): until then the shell works with a stand-in
// that holds only what the start page shows or needs, from a few bytes compiled at build time.
import { useEffect, useState } from 'react';
import summary from 'virtual:teiju/rules-summary';
import type { RuleSet } from '../engine/types';

/** The rules, or a promise of them (the browser: they load while the person reads the start page). */
export type RulesSource = RuleSet | Promise<RuleSet>;

/** The stand-in until the rules arrive: their version (the footer) and no facts or rules. */
export const NO_RULES: RuleSet = { version: summary.version, facts: [], rules: [] };

/** The questions the engine asks when nothing is answered (its first one), for Start before the rules arrive. */
export const FIRST_QUESTIONS: readonly string[] = summary.first;

export type RulesState = { ruleSet: RuleSet; failed?: never } | { ruleSet?: undefined; failed: boolean };

/** The rules once they are there; a source given as a value is there from the first render. */
export function useRules(source: RulesSource): RulesState {
  const [state, setState] = useState<{ from: RulesSource; ruleSet?: RuleSet; failed: boolean }>({
    from: source,
    failed: false,
  });
  useEffect(() => {
    if (!(source instanceof Promise)) return;
    let live = true;
    source.then(
      (ruleSet) => live && setState({ from: source, ruleSet, failed: false }),
      () => live && setState({ from: source, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [source]);
  if (!(source instanceof Promise)) return { ruleSet: source };
  if (state.from === source && state.ruleSet) return { ruleSet: state.ruleSet };
  return { failed: state.from === source && state.failed };
}
