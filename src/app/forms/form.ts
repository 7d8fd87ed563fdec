// The forms' common setup: react-hook-form validating with a zod schema (schema.ts) through
// zodResolver. An issue carries an i18next key and its parameters; the resolver's error map makes
// the message in the current language, and a language switch makes the shown messages again.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm, type DefaultValues, type FieldError, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod/mini';
import { DATE_PARTS, type DatePart, type FormIssue } from './date-fields';
import { renderError } from '../format';
import { DEFAULT_LANG } from '../../present/languages';

export function useSchemaForm<S extends z.ZodMiniType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
) {
  const { i18n } = useTranslation();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema, {
      error: (issue) => {
        const params = (issue as { params?: Partial<FormIssue> }).params;
        return params?.key
          ? renderError(params as FormIssue, (k, o) => i18n.t(k, o), i18n.resolvedLanguage ?? DEFAULT_LANG)
          : undefined;
      },
    }),
    defaultValues,
    shouldFocusError: false,
    reValidateMode: 'onSubmit',
  });
  // The answers arrived after the form was drawn (a prerendered question, before the rules and the
  // stored answers were there): an untouched form takes them up.
  const defaults = JSON.stringify(defaultValues);
  const drawnWith = useRef(defaults);
  useEffect(() => {
    if (defaults === drawnWith.current) return;
    drawnWith.current = defaults;
    if (!form.formState.isDirty) form.reset(JSON.parse(defaults) as DefaultValues<z.input<S>>);
  }, [defaults, form]);
  const lang = i18n.resolvedLanguage;
  const shown = form.formState.submitCount > 0 && Object.keys(form.formState.errors).length > 0;
  useEffect(() => {
    if (shown) void form.trigger();
    // Only a language switch makes the messages again; submitting validates by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang]);
  return form;
}

/** The message of a field's error, if any. */
export function messageOf(error: { message?: unknown } | undefined): string | undefined {
  return typeof error?.message === 'string' && error.message ? error.message : undefined;
}

/** A three-part date's errors: the parts marked, and the first one's message (the one shown). */
export function dateErrorOf(errors: Partial<Record<DatePart, FieldError>> | undefined): {
  bad: DatePart[];
  first?: DatePart;
  text?: string;
} {
  const bad = DATE_PARTS.filter((p) => errors?.[p]);
  const first = bad[0];
  return first ? { bad, first, text: messageOf(errors?.[first]) } : { bad };
}
