import { useTranslation } from 'react-i18next';
import { chosenOf } from '../../../engine/answers';
import type { Fact } from '../../../engine/types';
import { useApp } from '../../context';
import { messageOf, useSchemaForm } from '../../forms/form';
import { multiValue, questionSchema } from '../../forms/schema';
import { ChoiceFrame, optionAttrs, type QuestionProps } from './parts';

// ── select all that apply: checkboxes, and "None of these" on its own ──
export function MultiQuestion(props: QuestionProps) {
  const { fact } = props;
  const { t } = useTranslation();
  const { journey } = useApp();
  const current = journey.answers[fact.id];
  const { register, handleSubmit, formState, setValue, getValues } = useSchemaForm(
    questionSchema(fact as Fact & { type: 'multi' }),
    { value: typeof current === 'string' && current !== 'unknown' ? chosenOf(current) : [] },
  );
  const error = messageOf(formState.errors.value);
  const options = fact.options ?? [];
  const field = register('value');
  // "None of these" clears the others, and choosing another clears "None of these".
  const onToggle = (o: string, checked: boolean) => {
    if (!checked) return;
    const now = getValues('value');
    setValue('value', o === 'none' ? ['none'] : now.filter((c) => c !== 'none'));
  };
  const box = (o: string) => (
    <div className="checkboxes__item" key={o}>
      <input
        className="checkboxes__input"
        type="checkbox"
        {...optionAttrs(fact, o, error)}
        {...field}
        onChange={(e) => {
          void field.onChange(e);
          onToggle(o, e.target.checked);
        }}
      />
      <label className="checkboxes__label" htmlFor={`${fact.id}-${o}`}>
        {t(`facts.${fact.id}.options.${o}`)}
      </label>
    </div>
  );
  const onValid = (send: (value: string) => void) => handleSubmit((v) => send(multiValue(fact, v.value)));
  return (
    <ChoiceFrame {...props} error={error} first={options[0]} attempt={formState.submitCount} onValid={onValid}>
      <div className="checkboxes">
        {options.map(box)}
        <div className="checkboxes__divider">{t('ui.question.or')}</div>
        {box('none')}
      </div>
    </ChoiceFrame>
  );
}
