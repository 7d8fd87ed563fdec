// The scrivener view's "as of" date: the day to screen on, in year, month and day fields as on the
// date questions. Loaded when the view is turned on (ProView.tsx), with the question forms' code.
import { useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useApp } from '../context';
import { formatDate } from '../format';
import { fieldsOf, isoOf } from '../forms/date-fields';
import { asOfSchema } from '../forms/schema';
import { dateErrorOf, useSchemaForm } from '../forms/form';
import { DateInput } from './DateInput';
import { ErrorSummary } from './ErrorSummary';

/** Year, month and day fields, as on the date questions; applied on submit, with an error summary. */
export function AsOfForm() {
  const { t } = useTranslation();
  const { asOf, today, setAsOf, ruleSet, journey, lang } = useApp();
  const schema = useMemo(() => asOfSchema(ruleSet, journey.answers), [ruleSet, journey.answers]);
  const { control, handleSubmit, formState, reset } = useSchemaForm(schema, { date: fieldsOf(asOf) });
  const [applied, setApplied] = useState<string | undefined>();
  const { bad, first, text } = dateErrorOf(formState.errors.date);

  const submit = handleSubmit(
    (v) => {
      const iso = isoOf(v.date);
      setAsOf(iso);
      setApplied(iso);
    },
    () => setApplied(undefined),
  );
  const onReset = () => {
    reset({ date: fieldsOf(today) }, { keepSubmitCount: true });
    setAsOf(undefined);
    setApplied(today);
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="as-of-form" data-as-of={asOf}>
      <ErrorSummary errors={text ? [{ target: `as-of-${first}`, text }] : []} attempt={formState.submitCount} />
      <div className={`form-group${text ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset" aria-describedby={`as-of-hint${text ? ' as-of-error' : ''}`}>
          <legend className="fieldset__legend heading-s">{t('ui.pro.asOf.legend')}</legend>
          <p className="hint" id="as-of-hint">
            {t('ui.pro.asOf.hint')}
          </p>
          {text && (
            <p className="error-message" id="as-of-error">
              <span className="visually-hidden">{t('ui.errors.prefix')}</span> {text}
            </p>
          )}
          <Controller
            control={control}
            name="date"
            render={({ field }) => (
              <DateInput id="as-of" value={field.value} onChange={field.onChange} onBlur={field.onBlur} bad={bad} />
            )}
          />
        </fieldset>
      </div>
      <div className="button-group">
        <button type="submit" className="button button--secondary">
          {t('ui.pro.asOf.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onReset}>
          {t('ui.pro.asOf.reset')}
        </button>
      </div>
      <p className="as-of-form__status" role="status">
        {applied ? t('ui.pro.asOf.applied', { date: formatDate(applied, lang) }) : ''}
      </p>
    </form>
  );
}
