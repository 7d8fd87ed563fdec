// The zod schemas of the forms: one per question, built from the fact catalogue once (cached by
// fact), and the scrivener's as-of date. An issue carries an i18next key and its parameters
// (`params`), never text: form.ts turns it into the message in the current language. Dates are
// checked with the engine's own rules (checkValue, checkConsistency) so that what the page accepts
// is exactly what parseAnswers accepts on reload.
import * as z from 'zod/mini';
import { checkConsistency, checkValue } from '../../engine/answers';
import type { AnswerValue, Answers, Fact, RuleSet } from '../../engine/types';
import { checkDateFields, DATE_PARTS, fieldsOf, type DateFields, type DatePart, type FormIssue } from './date-fields';

export interface ChoiceForm {
  value?: string | null | undefined;
}
export interface MultiForm {
  value: string[];
}
export interface DateForm {
  date: DateFields;
  dontKnow: boolean;
}
export interface AsOfForm {
  date: DateFields;
}

type Ctx = Parameters<Parameters<typeof z.superRefine>[0]>[1];

/** Adds an issue at each path: its key and parameters travel in `params`, the message is made later. */
function fail(ctx: Ctx, paths: (string | number)[][], issue: FormIssue) {
  for (const path of paths) ctx.addIssue({ code: 'custom', path, params: { ...issue } });
}

const dateFields = z.object({ year: z.string(), month: z.string(), day: z.string() });
const at = (parts: DatePart[]) => parts.map((p) => ['date', p]);

export function optionsOf(fact: Fact): string[] {
  const base = fact.type === 'yesno' ? ['yes', 'no'] : (fact.options ?? []);
  return fact.dontKnow ? [...base, 'unknown'] : base;
}

function choiceSchema(fact: Fact) {
  const allowed = optionsOf(fact);
  return z.object({ value: z.nullish(z.string()) }).check(
    z.superRefine((v, ctx) => {
      if (!v.value || !allowed.includes(v.value)) fail(ctx, [['value']], { key: 'ui.errors.choose' });
    }),
  );
}

/** "Select all that apply": at least one option, or "none" alone. */
function multiSchema(fact: Fact) {
  const allowed = [...(fact.options ?? []), 'none'];
  return z.object({ value: z.array(z.string()) }).check(
    z.superRefine((v, ctx) => {
      const ok = v.value.length > 0 && v.value.every((c) => allowed.includes(c));
      const mixed = v.value.includes('none') && v.value.length > 1;
      if (!ok || mixed) fail(ctx, [['value']], { key: mixed ? 'ui.errors.noneAndOthers' : 'ui.errors.chooseAll' });
    }),
  );
}

/** A real date, unless "I don't know" is ticked where the fact allows it. */
function dateSchema(fact: Fact) {
  return z.object({ date: dateFields, dontKnow: z.boolean() }).check(
    z.superRefine((v, ctx) => {
      if (fact.dontKnow && v.dontKnow) return;
      const date = checkDateFields(v.date);
      if (!date.ok) return fail(ctx, at(date.parts), date);
      if (checkValue(fact, date.iso, fact.id)) fail(ctx, at(['day']), { key: 'ui.errors.dateReal' });
    }),
  );
}

function schemaOfFact(fact: Fact) {
  switch (fact.type) {
    case 'yesno':
    case 'choice':
      return choiceSchema(fact);
    case 'multi':
      return multiSchema(fact);
    case 'date':
      return dateSchema(fact);
  }
}

const schemas = new WeakMap<Fact, ReturnType<typeof schemaOfFact>>();

/** The schema of a question, made from its fact in the catalogue once. */
export function questionSchema<F extends Fact['type']>(fact: Fact & { type: F }) {
  let schema = schemas.get(fact);
  if (!schema) schemas.set(fact, (schema = schemaOfFact(fact)));
  return schema as F extends 'yesno' | 'choice'
    ? ReturnType<typeof choiceSchema>
    : F extends 'multi'
      ? ReturnType<typeof multiSchema>
      : ReturnType<typeof dateSchema>;
}

/**
 * A date question's schema with what the other answers and the screening date add: `asOf` is the
 * date the answers are screened on, `today` the real date. They differ when a scrivener screens
 * for a future application date: a date up to that day is then accepted, and the message names it.
 */
export function dateAnswerSchema(fact: Fact, set: RuleSet, answers: Answers, asOf: string, today = asOf) {
  return questionSchema(fact as Fact & { type: 'date' }).check(
    z.superRefine((v, ctx) => {
      if (fact.dontKnow && v.dontKnow) return;
      const date = checkDateFields(v.date);
      if (!date.ok || checkValue(fact, date.iso, fact.id)) return;
      for (const e of checkConsistency(set, { ...answers, [fact.id]: date.iso }, asOf)) {
        if (e.path === fact.id && e.code === 'future')
          return fail(
            ctx,
            at(DATE_PARTS),
            asOf === today
              ? { key: 'ui.errors.dateFuture' }
              : { key: 'ui.errors.dateAfterAsOf', params: { date: asOf } },
          );
        if (e.path === fact.id && e.code === 'dateOrder')
          return fail(ctx, at(DATE_PARTS), {
            key: 'ui.errors.dateBefore',
            params: { other: String(e.params?.other), date: String(e.params?.otherValue) },
          });
        // This date is the "earlier" one of another answer (e.g. birth after the marriage date).
        if (e.code === 'dateOrder' && e.params?.other === fact.id)
          return fail(ctx, at(DATE_PARTS), {
            key: 'ui.errors.dateAfter',
            params: { other: e.path, date: String(e.params.value) },
          });
      }
    }),
  );
}

/**
 * The scrivener's as-of date: a real date (the same messages as the date questions), and not
 * before a date already answered that must not lie in the future (a birth, a marriage…), since
 * the answers would then contradict the date they are screened on.
 */
export function asOfSchema(set: RuleSet, answers: Answers) {
  return z.object({ date: dateFields }).check(
    z.superRefine((v, ctx) => {
      const date = checkDateFields(v.date);
      if (!date.ok) return fail(ctx, at(date.parts), date);
      const future = checkConsistency(set, answers, date.iso).find((e) => e.code === 'future');
      if (future)
        fail(ctx, at(DATE_PARTS), {
          key: 'ui.pro.asOf.beforeAnswer',
          params: { other: future.path, date: String(answers[future.path]) },
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
  return { date: fieldsOf(iso), dontKnow: iso === 'unknown' };
}
