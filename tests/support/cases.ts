// Loads the data-file test cases: rules/*/<id>.cases.yaml and tests/personas/*.yaml.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Answers, Truth, Verdict } from '../../src/engine';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface RuleCase {
  file: string;
  rule: string;
  name: string;
  asOf: string;
  answers: Answers;
  expect: Verdict;
  needsExpert?: boolean;
  /** The kinds of doubt (`why`) of the expert reasons, in order (e.g. [timing], [uncertain]). */
  expertReasons?: string[];
  nearMiss?: string;
  also?: Record<string, Verdict>;
  /** The passed application window that caps the category (`null`: none). */
  deadline?: string | null;
  /** Deadlines of the screening by id, with their last day (`null`: not in the screening). */
  deadlines?: Record<string, string | null>;
  /** Route → fits (met / not_met / unknown). */
  routes?: Record<string, Truth>;
  /** Route → its caution (regularisation / visitor-exceptional), `null` for none. */
  routeNotes?: Record<string, string | null>;
}

const CHECKS = [
  'needsExpert',
  'expertReasons',
  'nearMiss',
  'also',
  'deadline',
  'deadlines',
  'routes',
  'routeNotes',
] as const;

interface CaseFile {
  rule: string;
  asOf: string;
  base?: Answers;
  cases: ({
    name: string;
    asOf?: string;
    answers?: Record<string, string | number | null>;
    expect: Verdict;
  } & Pick<RuleCase, (typeof CHECKS)[number]>)[];
}

/** `base` answers are shared by every case of the file; a case's `null` removes one. */
function merge(base: Answers | undefined, own: Record<string, string | number | null> | undefined): Answers {
  const out: Answers = { ...(base ?? {}) };
  for (const [k, v] of Object.entries(own ?? {})) {
    if (v === null) delete out[k];
    else out[k] = typeof v === 'string' || typeof v === 'number' ? v : String(v);
  }
  return out;
}

export function loadRuleCases(): RuleCase[] {
  const out: RuleCase[] = [];
  for (const kind of ['notified', 'unspecified', 'redirect']) {
    const dir = join(ROOT, 'rules', kind);
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.cases.yaml'))
      .sort()) {
      const file = `rules/${kind}/${name}`;
      const data = parse(readFileSync(join(dir, name), 'utf8')) as CaseFile;
      for (const c of data.cases)
        out.push({
          file,
          rule: data.rule,
          name: c.name,
          asOf: c.asOf ?? data.asOf,
          answers: merge(data.base, c.answers),
          expect: c.expect,
          ...Object.fromEntries(CHECKS.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])),
        });
    }
  }
  return out;
}

export interface Persona {
  file: string;
  persona: number;
  name: string;
  asOf: string;
  answers: Answers;
  eligible: string[];
  possible: string[];
  needsExpert: string[];
  nearMiss: Record<string, string>;
  notes?: string;
}

export function loadPersonas(): Persona[] {
  const dir = join(ROOT, 'tests', 'personas');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const d = parse(readFileSync(join(dir, name), 'utf8')) as Partial<Persona> & { answers: Answers };
      return {
        file: `tests/personas/${name}`,
        persona: d.persona ?? 0,
        name: d.name ?? name,
        asOf: d.asOf ?? '2026-11-23',
        answers: d.answers,
        eligible: d.eligible ?? [],
        possible: d.possible ?? [],
        needsExpert: d.needsExpert ?? [],
        nearMiss: d.nearMiss ?? {},
      };
    });
}
