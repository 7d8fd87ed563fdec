// Small display helpers of the web UI (the shared ones live in src/present).
import { chosenOf } from '../engine/answers';
import type { AnswerValue, Fact } from '../engine/types';
import type { Translate } from '../present';
import { formatDate } from '../present/dates';
import type { FormIssue } from './forms/date-fields';

/** Dates as people read them: one function for the app, the sheet and the CLI's headline. */
export { formatDate };

/** The message of a form's problem: its i18next key with its parameters, dates and date-part names localised. */
export function renderError({ key, params = {} }: FormIssue, t: Translate, lang: string): string {
  const values: Record<string, unknown> = { ...params };
  if (Array.isArray(params.parts))
    values.parts = new Intl.ListFormat(lang, { type: 'conjunction' }).format(
      params.parts.map((p) => t(`ui.date.partName.${p}`)),
    );
  if (typeof params.date === 'string') values.date = formatDate(params.date, lang);
  if (typeof params.other === 'string') values.other = factLabel(params.other, t);
  return t(key, values);
}

/** A short name of a date fact for messages ("your date of birth"), else its question. */
export function factLabel(factId: string, t: Translate): string {
  const short = t(`ui.dateName.${factId}`);
  return short === `ui.dateName.${factId}` ? `“${t(`facts.${factId}.question`)}”` : short;
}

/** How an answer reads on the check-your-answers page. */
export function answerText(fact: Fact, value: AnswerValue, t: Translate, lang: string): string {
  if (value === 'unknown') return t('ui.answer.unknown');
  switch (fact.type) {
    case 'yesno':
      return t(`ui.answer.${value}`);
    case 'choice':
      return t(`facts.${fact.id}.options.${value}`);
    case 'multi': {
      const chosen = chosenOf(String(value));
      if (!chosen.length) return t(`facts.${fact.id}.options.none`);
      return new Intl.ListFormat(lang, { type: 'conjunction' }).format(
        chosen.map((c) => t(`facts.${fact.id}.options.${c}`)),
      );
    }
    case 'date':
      return formatDate(String(value), lang);
  }
}

/** Full-width digits (１９９７) typed with a Japanese IME become ASCII digits. */
export function normaliseDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
}
