// One zod/mini schema per question page. Messages are packed i18n keys (see format.ts). Dates are
// checked with the engine's own rules (checkValue, checkConsistency) so that what the page accepts
// is exactly what parseAnswers accepts on reload.
import * as z from 'zod/mini';
import { checkConsistency, checkValue } from '../engine/answers';
import type { AnswerValue, Answers, Fact, RuleSet } from '../engine/types';
import { checkDateFields, DATE_PARTS, fieldsOf, type DatePart } from './date-fields';
import { errorMessage, normaliseDigits } from './format';

export interface ChoiceForm {
  value?: string | null | undefined;
}
export interface DateForm {
  year: string;
  month: string;
  day: string;
  dontKnow: boolean;
}
export interface NumberForm {
  value: string;
  dontKnow: boolean;
}

export function optionsOf(fact: Fact): string[] {
  const base = fact.type === 'yesno' ? ['yes', 'no'] : (fact.options ?? []);
  return fact.dontKnow ? [...base, 'unknown'] : base;
}

export function choiceSchema(fact: Fact) {
  const allowed = optionsOf(fact);
  return z.object({ value: z.nullish(z.string()) }).check(
    z.superRefine((v, ctx) => {
      if (!v.value || !allowed.includes(v.value))
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: errorMessage('ui.errors.choose'),
        });
    }),
  );
}

export interface MultiForm {
  value: string[];
}

/** "Select all that apply": at least one option, or "none" alone. */
export function multiSchema(fact: Fact) {
  const allowed = [...(fact.options ?? []), 'none'];
  return z.object({ value: z.array(z.string()) }).check(
    z.superRefine((v, ctx) => {
      const ok = v.value.length > 0 && v.value.every((c) => allowed.includes(c));
      const mixed = v.value.includes('none') && v.value.length > 1;
      if (!ok || mixed)
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: errorMessage(mixed ? 'ui.errors.noneAndOthers' : 'ui.errors.chooseAll'),
        });
    }),
  );
}

/** The answer of a multi question: the chosen options in catalogue order, or "none". */
export function multiValue(fact: Fact, chosen: string[]): string {
  const picked = (fact.options ?? []).filter((o) => chosen.includes(o));
  return picked.length ? picked.join(',') : 'none';
}

export function dateParts(iso: AnswerValue | undefined): DateForm {
  return { ...fieldsOf(iso), dontKnow: iso === 'unknown' };
}

/**
 * `asOf` is the date the answers are screened on; `today` the real date. They differ when a
 * scrivener screens for a future application date: a date up to that day is then accepted, and
 * the message names it.
 */
export function dateSchema(fact: Fact, set: RuleSet, answers: Answers, asOf: string, today = asOf) {
  return z.object({ year: z.string(), month: z.string(), day: z.string(), dontKnow: z.boolean() }).check(
    z.superRefine((v, ctx) => {
      const fail = (key: string, parts: DatePart[], params?: Record<string, string | number | string[]>) => {
        const message = errorMessage(key, params);
        for (const p of parts) ctx.addIssue({ code: 'custom', path: [p], message });
      };
      if (fact.dontKnow && v.dontKnow) return;
      const date = checkDateFields(v);
      if (!date.ok) return fail(date.key, date.parts, date.params);
      const iso = date.iso;
      if (checkValue(fact, iso, fact.id)) return fail('ui.errors.dateReal', ['day']);
      const problems = checkConsistency(set, { ...answers, [fact.id]: iso }, asOf);
      for (const e of problems) {
        if (e.path === fact.id && e.code === 'future')
          return asOf === today
            ? fail('ui.errors.dateFuture', DATE_PARTS)
            : fail('ui.errors.dateAfterAsOf', DATE_PARTS, { date: asOf });
        if (e.path === fact.id && e.code === 'dateOrder')
          return fail('ui.errors.dateBefore', DATE_PARTS, {
            other: String(e.params?.other),
            date: String(e.params?.otherValue),
          });
        // This date is the "earlier" one of another answer (e.g. birth after the marriage date).
        if (e.code === 'dateOrder' && e.params?.other === fact.id)
          return fail('ui.errors.dateAfter', DATE_PARTS, { other: e.path, date: String(e.params.value) });
      }
    }),
  );
}

export function numberSchema(fact: Fact) {
  return z.object({ value: z.string(), dontKnow: z.boolean() }).check(
    z.superRefine((v, ctx) => {
      if (fact.dontKnow && v.dontKnow) return;
      const raw = normaliseDigits(v.value);
      const fail = (key: string, params?: Record<string, string | number>) =>
        ctx.addIssue({ code: 'custom', path: ['value'], message: errorMessage(key, params) });
      if (raw === '') return fail('ui.errors.numberRequired');
      if (!/^-?\d+(\.\d+)?$/.test(raw)) return fail('ui.errors.numberNotNumber');
      const err = checkValue(fact, Number(raw), fact.id);
      if (err) return fail('ui.errors.numberRange', { min: fact.min ?? '', max: fact.max ?? '' });
    }),
  );
}
