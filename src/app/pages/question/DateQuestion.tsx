import { useMemo } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../../engine/types';
import { useApp } from '../../context';
import { isoOf } from '../../forms/date-fields';
import { dateErrorOf, useSchemaForm } from '../../forms/form';
import { dateAnswerSchema, dateParts, type DateForm } from '../../forms/schema';
import { DateInput } from '../../components/DateInput';
import { DontKnowCheckbox, Frame, QuestionFieldset, type QuestionProps } from './parts';

// ── dates: year, month and day fields (西暦) ──
export function DateQuestion({ fact, returnTo, changed }: QuestionProps) {
  const { t } = useTranslation();
  const { journey, answer, ruleSet, asOf, today } = useApp();
  const schema = useMemo(() => {
    const others = { ...journey.answers };
    delete others[fact.id];
    return dateAnswerSchema(fact, ruleSet, others, asOf, today);
  }, [fact, ruleSet, journey.answers, asOf, today]);
  const { control, register, handleSubmit, formState } = useSchemaForm(schema, dateParts(journey.answers[fact.id]));
  const { bad, first, text: error } = dateErrorOf(formState.errors.date);
  const onValid = (v: DateForm) => {
    const value: AnswerValue = fact.dontKnow && v.dontKnow ? 'unknown' : isoOf(v.date);
    answer(fact.id, value, returnTo, changed);
  };
  return (
    <Frame
      fact={fact}
      returnTo={returnTo}
      changed={changed}
      errors={error ? [{ target: `${fact.id}-${first}`, text: error }] : []}
      attempt={formState.submitCount}
      onSubmit={(e) => void handleSubmit(onValid)(e)}
    >
      <QuestionFieldset fact={fact} error={error} extraHint={t('ui.date.hint')}>
        <Controller
          control={control}
          name="date"
          render={({ field }) => (
            <DateInput
              id={fact.id}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              bad={bad}
              birthday={fact.autocomplete === 'bday'}
            />
          )}
        />
        {fact.dontKnow && (
          <DontKnowCheckbox id={`${fact.id}-unknown`} label={t('ui.date.dontKnow')} field={register('dontKnow')} />
        )}
      </QuestionFieldset>
    </Frame>
  );
}
