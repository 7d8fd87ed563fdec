// The application windows and duties of rules/deadlines.yaml as the answers date them: which
// passed window caps which category, and the deadline shown to the person.
import type { Deadline, DeadlineRule } from './types';

/** A deadline of the rules, dated from the person's answers. */
export interface Window {
  rule: DeadlineRule;
  date: string;
  from: string;
  passed: boolean;
  excused: boolean;
}

/** Category id → the passed, unexcused application window that caps it (the earliest). */
export function capsOf(windows: Window[]): Map<string, Window> {
  const caps = new Map<string, Window>();
  for (const w of windows) {
    if (w.rule.kind !== 'apply' || !w.passed || w.excused) continue;
    for (const id of w.rule.rules) {
      const have = caps.get(id);
      if (!have || w.date < have.date) caps.set(id, w);
    }
  }
  return caps;
}

export function deadlineOf(w: Window): Deadline {
  const d: Deadline = {
    id: w.rule.id,
    kind: w.rule.kind,
    date: w.date,
    passed: w.passed,
    from: w.from,
    cite: w.rule.cite,
    rules: w.rule.rules,
  };
  if (w.excused) d.excused = true;
  return d;
}
