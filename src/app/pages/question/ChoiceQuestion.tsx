import { useTranslation } from 'react-i18next';
import type { Fact } from '../../../engine/types';
import { useApp } from '../../context';
import { messageOf, useSchemaForm } from '../../forms/form';
import { optionsOf, questionSchema } from '../../forms/schema';
import { Frame, QuestionFieldset, type QuestionProps } from './parts';

// ── yes/no and choice ──
export function ChoiceQuestion({ fact, returnTo, changed }: QuestionProps) {
  const { t } = useTranslation();
  const { journey, answer } = useApp();
  const current = journey.answers[fact.id];
  // Unanswered, the default is left undefined: react-hook-form then takes up an option already
  // chosen on the prerendered page before the app took it over, instead of clearing it.
  const { register, handleSubmit, formState } = useSchemaForm(questionSchema(fact as Fact & { type: 'choice' }), {
    value: current === undefined ? undefined : String(current),
  });
  const error = messageOf(formState.errors.value);
  const options = optionsOf(fact);
  const firstId = `${fact.id}-${options[0]}`;
  const labelOf = (o: string) =>
    o === 'unknown'
      ? t('ui.answer.unknown')
      : fact.type === 'yesno'
        ? t(`ui.answer.${o}`)
        : t(`facts.${fact.id}.options.${o}`);
  return (
    <Frame
      fact={fact}
      returnTo={returnTo}
      changed={changed}
      errors={error ? [{ target: firstId, text: error }] : []}
      attempt={formState.submitCount}
      onSubmit={(e) => void handleSubmit((v) => answer(fact.id, v.value as string, returnTo, changed))(e)}
    >
      <QuestionFieldset fact={fact} error={error}>
        <div className={`radios${fact.type === 'yesno' ? ' radios--yesno' : ''}`}>
          {options.map((o) => (
            <div key={o}>
              {o === 'unknown' && options.length > 1 && <div className="radios__divider">{t('ui.question.or')}</div>}
              <div className="radios__item">
                <input
                  className="radios__input"
                  type="radio"
                  id={`${fact.id}-${o}`}
                  value={o}
                  aria-invalid={error ? true : undefined}
                  {...register('value')}
                />
                <label className="radios__label" htmlFor={`${fact.id}-${o}`}>
                  {labelOf(o)}
                </label>
              </div>
            </div>
          ))}
        </div>
      </QuestionFieldset>
    </Frame>
  );
}
