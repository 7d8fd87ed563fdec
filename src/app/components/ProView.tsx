// The scrivener view (行政書士向け表示) on the results page: a toggle (remembered in the tab), and
// when on, the "as of" date to screen on and a link to every question on one page. The chosen
// as-of date is announced wherever results appear (AsOfNotice), whether the view is on or not.
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
import { Link } from './Link';
import { Section } from './Section';

export function ProToggle() {
  const { t } = useTranslation();
  const { pro, setPro } = useApp();
  return (
    <div className="pro-toggle">
      <button
        type="button"
        className="pro-toggle__button"
        aria-pressed={pro}
        aria-describedby="pro-toggle-hint"
        onClick={() => setPro(!pro)}
      >
        <span className="pro-toggle__switch" aria-hidden="true" />
        {t('ui.pro.toggle')}
      </button>
      <p className="pro-toggle__hint" id="pro-toggle-hint">
        {t('ui.pro.toggleHint')}
      </p>
    </div>
  );
}

/** Shown when the scrivener view is on: the as-of date and the questions overview. */
export function ProPanel() {
  const { t } = useTranslation();
  const { pro } = useApp();
  if (!pro) return null;
  return (
    <Section name="pro-panel" title={t('ui.pro.panelTitle')}>
      <AsOfForm />
      <p>
        <Link to={{ page: 'questions' }}>{t('ui.pro.overviewLink')}</Link>
      </p>
    </Section>
  );
}

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

/** "Screened as of 1 April 2027, a date chosen in the scrivener view — not today (…)." */
export function AsOfNotice() {
  const { t } = useTranslation();
  const { asOf, today, lang } = useApp();
  if (asOf === today) return null;
  return (
    <p className="as-of-notice" data-as-of={asOf}>
      <strong>{t('ui.pro.asOf.chosen', { date: formatDate(asOf, lang), today: formatDate(today, lang) })}</strong>
    </p>
  );
}
