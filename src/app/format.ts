// Small display helpers of the web UI (the shared ones live in src/present).
import { chosenOf } from '../engine/answers';
import type { AnswerValue, Fact } from '../engine/types';
import type { Translate } from '../present';
import { formatDate } from '../present/dates';

/** Dates as people read them: one function for the app, the sheet and the CLI's headline. */
export { formatDate };

/** Form error messages are i18n keys with parameters, packed into the one string zod carries. */
export function errorMessage(key: string, params?: Record<string, string | number | string[]>): string {
  return params ? JSON.stringify({ key, params }) : key;
}

export function unpackMessage(message: string | undefined): { key: string; params: Record<string, unknown> } {
  if (!message) return { key: 'ui.errors.generic', params: {} };
  if (message.startsWith('{')) {
    try {
      const { key, params } = JSON.parse(message) as { key: string; params: Record<string, unknown> };
      return { key, params };
    } catch {
      /* not one of ours */
    }
  }
  return { key: message.startsWith('ui.') ? message : 'ui.errors.generic', params: {} };
}

/** Renders a packed error message; dates and date-part names are localised here. */
export function renderError(message: string | undefined, t: Translate, lang: string): string {
  const { key, params } = unpackMessage(message);
  const values: Record<string, unknown> = { ...params };
  if (Array.isArray(params.parts))
    values.parts = new Intl.ListFormat(lang, { type: 'conjunction' }).format(
      (params.parts as string[]).map((p) => t(`ui.date.partName.${p}`)),
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
    case 'number':
      return new Intl.NumberFormat(lang).format(Number(value));
  }
}

/** Full-width digits (１９９７) typed with a Japanese IME become ASCII digits. */
export function normaliseDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
}
