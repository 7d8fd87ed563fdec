// Texts of the deadlines a screening computed (rules/deadlines.yaml): for the results page, the
// print sheet and the CLI alike. Dates come in already formatted for the reader.
import type { Deadline, Screening } from '../engine/types';
import { formatCitation } from './cite';
import type { Translate } from './translate';

export interface DeadlineText {
  id: string;
  kind: Deadline['kind'];
  passed: boolean;
  /** "Apply within 6 months after your married life ended" */
  title: string;
  /** What to do by the date, or what its passing means. */
  text: string;
  /** Why a passed window may not count against the person (e.g. DV), when the answers say so. */
  excused?: string;
  cite: string;
  /** Titles of the categories the screening shows (eligible or possible) whose application it governs. */
  governs: string[];
}

export function deadlineTexts(
  screening: Pick<Screening, 'deadlines' | 'results'>,
  t: Translate,
  lang: string,
  formatDate: (iso: string) => string,
): DeadlineText[] {
  const shown = new Set(screening.results.filter((r) => r.verdict !== 'not_eligible').map((r) => r.id));
  return screening.deadlines.map((d) => {
    const out: DeadlineText = {
      id: d.id,
      kind: d.kind,
      passed: d.passed,
      title: t(`deadlines.${d.id}.title`),
      text: t(`deadlines.${d.id}.${d.passed ? 'passed' : 'due'}`, { date: formatDate(d.date) }),
      cite: formatCitation(d.cite, t, { lang }),
      governs: d.rules.filter((id) => shown.has(id)).map((id) => t(`rules.${id}.title`)),
    };
    if (d.excused) out.excused = t(`deadlines.${d.id}.excused`);
    return out;
  });
}
