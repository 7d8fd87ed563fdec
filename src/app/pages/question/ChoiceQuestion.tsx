import { useTranslation } from 'react-i18next';
import type { Fact } from '../../../engine/types';
import { useApp } from '../../context';
import { messageOf, useSchemaForm } from '../../forms/form';
import { optionsOf, questionSchema } from '../../forms/schema';
import { ChoiceFrame, optionAttrs, type QuestionProps } from './parts';

// ── yes/no and choice ──
export function ChoiceQuestion(props: QuestionProps) {
  const { fact } = props;
  const { t } = useTranslation();
  const { journey } = useApp();
  const current = journey.answers[fact.id];
  // Unanswered, the default is left undefined: react-hook-form then takes up an option already
  // chosen on the prerendered page before the app took it over, instead of clearing it.
  const { register, handleSubmit, formState } = useSchemaForm(questionSchema(fact as Fact & { type: 'choice' }), {
    value: current === undefined ? undefined : String(current),
  });
  const error = messageOf(formState.errors.value);
  const options = optionsOf(fact);
  const labelOf = (o: string) =>
    o === 'unknown'
      ? t('ui.answer.unknown')
      : fact.type === 'yesno'
        ? t(`ui.answer.${o}`)
        : t(`facts.${fact.id}.options.${o}`);
  const onValid = (send: (value: string) => void) => handleSubmit((v) => send(v.value as string));
  return (
    <ChoiceFrame {...props} error={error} first={options[0]} attempt={formState.submitCount} onValid={onValid}>
      <div className={`radios${fact.type === 'yesno' ? ' radios--yesno' : ''}`}>
        {options.map((o) => (
          <div key={o}>
            {o === 'unknown' && options.length > 1 && <div className="radios__divider">{t('ui.question.or')}</div>}
            <div className="radios__item">
              <input className="radios__input" type="radio" {...optionAttrs(fact, o, error)} {...register('value')} />
              <label className="radios__label" htmlFor={`${fact.id}-${o}`}>
                {labelOf(o)}
              </label>
            </div>
          </div>
        ))}
      </div>
    </ChoiceFrame>
  );
}
