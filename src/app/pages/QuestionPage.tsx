import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import { useForm, type FieldValues, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Fact } from '../../engine/types';
import { useApp } from '../context';
import { renderError, normaliseDigits } from '../format';
import { factById, previousOf, progressOf } from '../journey';
import {
  choiceSchema,
  dateParts,
  dateSchema,
  numberSchema,
  optionsOf,
  type ChoiceForm,
  type DateForm,
  type NumberForm,
} from '../schema';
import { DATE_PARTS, isoOf } from '../date-fields';
import { usePageTitle } from '../usePageTitle';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { Link } from '../components/Link';
import { Paragraphs } from '../components/Paragraphs';
import { FamilyTree } from '../components/FamilyTree';
import { NotFoundPage } from './NotFoundPage';

interface Props {
  factId: string;
  returnTo?: 'check' | undefined;
}

export function QuestionPage({ factId, returnTo }: Props) {
  const { ruleSet } = useApp();
  const fact = factById(ruleSet, factId);
  if (!fact) return <NotFoundPage />;
  switch (fact.type) {
    case 'yesno':
    case 'choice':
      return <ChoiceQuestion fact={fact} returnTo={returnTo} />;
    case 'date':
      return <DateQuestion fact={fact} returnTo={returnTo} />;
    case 'number':
      return <NumberQuestion fact={fact} returnTo={returnTo} />;
  }
}

interface QuestionProps {
  fact: Fact;
  returnTo?: 'check' | undefined;
}

/** Text of a fact if the locale has it (hint and explanation are optional). */
function useOptionalText() {
  const { t, i18n } = useTranslation();
  return (key: string): string | undefined => (i18n.exists(key) ? t(key) : undefined);
}

/** Everything around the inputs: back link, error summary, progress, submit button. */
function Frame({
  fact,
  returnTo,
  errors,
  attempt,
  onSubmit,
  children,
}: QuestionProps & {
  errors: SummaryError[];
  attempt: number;
  onSubmit: (e: React.FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { journey, next } = useApp();
  const question = t(`facts.${fact.id}.question`);
  usePageTitle(question, errors.length > 0, !!fact.sensitive);
  const progress = progressOf(journey, next, fact.id);
  return (
    <>
      <Link to={previousOf(journey, fact.id, returnTo)} className="back-link">
        {t('ui.nav.back')}
      </Link>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p className="caption" id={`${fact.id}-progress`}>
        {returnTo
          ? t('ui.progress.changing')
          : progress.remaining
            ? t('ui.progress.question', { number: progress.number, count: progress.remaining })
            : t('ui.progress.questionLast', { number: progress.number })}
      </p>
      <form noValidate onSubmit={onSubmit} className="question-form" data-fact={fact.id} data-type={fact.type}>
        {children}
        <button type="submit" className="button">
          {returnTo ? t('ui.nav.saveAndReturn') : t('ui.nav.continue')}
        </button>
      </form>
      <FamilyTree place="question" factId={fact.id} />
    </>
  );
}

function HintAndExplain({ fact, extraHint }: { fact: Fact; extraHint?: string }) {
  const { t } = useTranslation();
  const optional = useOptionalText();
  const hint = optional(`facts.${fact.id}.hint`);
  const explain = optional(`facts.${fact.id}.explain`);
  return (
    <>
      {(hint || extraHint) && (
        <div className="hint" id={`${fact.id}-hint`}>
          {hint && <Paragraphs text={hint} />}
          {extraHint && <p>{extraHint}</p>}
        </div>
      )}
      {explain && (
        <details className="details">
          <summary className="details__summary">
            <span className="details__summary-text">{t('ui.question.explainSummary')}</span>
          </summary>
          <div className="details__text">
            <Paragraphs text={explain} />
          </div>
        </details>
      )}
    </>
  );
}

function describedBy(fact: Fact, hasHint: boolean, error: string | undefined): string | undefined {
  const ids = [hasHint ? `${fact.id}-hint` : '', error ? `${fact.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">{t('ui.errors.prefix')}</span> {text}
    </p>
  );
}

function useHasHint(fact: Fact, extra = false): boolean {
  const { i18n } = useTranslation();
  return extra || i18n.exists(`facts.${fact.id}.hint`);
}

// ── yes/no and choice ──
function ChoiceQuestion({ fact, returnTo }: QuestionProps) {
  const { t } = useTranslation();
  const { journey, answer, lang } = useApp();
  const current = journey.answers[fact.id];
  const { register, handleSubmit, formState } = useForm<ChoiceForm>({
    resolver: zodResolver(choiceSchema(fact)),
    defaultValues: { value: current === undefined ? null : String(current) },
    shouldFocusError: false,
    reValidateMode: 'onSubmit',
  });
  const error = formState.errors.value?.message ? renderError(formState.errors.value.message, t, lang) : undefined;
  const options = optionsOf(fact);
  const firstId = `${fact.id}-${options[0]}`;
  const hasHint = useHasHint(fact);
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
      errors={error ? [{ target: firstId, text: error }] : []}
      attempt={formState.submitCount}
      onSubmit={(e) => void handleSubmit((v) => answer(fact.id, v.value as string, returnTo))(e)}
    >
      <div className={`form-group${error ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset" aria-describedby={describedBy(fact, hasHint, error)}>
          <QuestionLegend fact={fact} />
          <HintAndExplain fact={fact} />
          <FieldError id={`${fact.id}-error`} text={error} />
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
        </fieldset>
      </div>
    </Frame>
  );
}

// ── dates: year, month and day fields (西暦) ──
function DateQuestion({ fact, returnTo }: QuestionProps) {
  const { t } = useTranslation();
  const { journey, answer, ruleSet, asOf, today, lang } = useApp();
  const others = { ...journey.answers };
  delete others[fact.id];
  const { register, handleSubmit, formState } = useForm<DateForm>({
    resolver: zodResolver(dateSchema(fact, ruleSet, others, asOf, today)),
    defaultValues: dateParts(journey.answers[fact.id]),
    shouldFocusError: false,
    reValidateMode: 'onSubmit',
  });
  const errs = formState.errors;
  const bad = DATE_PARTS.filter((p) => errs[p]);
  const message = bad.length ? errs[bad[0]!]?.message : undefined;
  const error = message ? renderError(message, t, lang) : undefined;
  const hasHint = useHasHint(fact, true);
  const auto = fact.id === 'birth_date';
  const onValid = (v: DateForm) => {
    const value: AnswerValue = fact.dontKnow && v.dontKnow ? 'unknown' : isoOf(v);
    answer(fact.id, value, returnTo);
  };
  return (
    <Frame
      fact={fact}
      returnTo={returnTo}
      errors={error ? [{ target: `${fact.id}-${bad[0]}`, text: error }] : []}
      attempt={formState.submitCount}
      onSubmit={(e) => void handleSubmit(onValid)(e)}
    >
      <div className={`form-group${error ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset" aria-describedby={describedBy(fact, hasHint, error)}>
          <QuestionLegend fact={fact} />
          <HintAndExplain fact={fact} extraHint={t('ui.date.hint')} />
          <FieldError id={`${fact.id}-error`} text={error} />
          <div className="date-input">
            {DATE_PARTS.map((p) => (
              <div className="date-input__item" key={p}>
                <label className="date-input__label" htmlFor={`${fact.id}-${p}`}>
                  {t(`ui.date.${p}`)}
                </label>
                <input
                  className={`input date-input__input date-input__input--${p}${errs[p] ? ' input--error' : ''}`}
                  id={`${fact.id}-${p}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete={auto ? `bday-${p}` : 'off'}
                  spellCheck={false}
                  maxLength={p === 'year' ? 4 : 2}
                  aria-invalid={errs[p] ? true : undefined}
                  {...register(p, { setValueAs: (s: string) => normaliseDigits(String(s ?? '')) })}
                />
              </div>
            ))}
          </div>
          {fact.dontKnow && (
            <DontKnowCheckbox id={`${fact.id}-unknown`} label={t('ui.date.dontKnow')} field={register('dontKnow')} />
          )}
        </fieldset>
      </div>
    </Frame>
  );
}

/** The question as the legend of its fieldset and the page heading (focused on each new page). */
function QuestionLegend({ fact }: { fact: Fact }) {
  const { t } = useTranslation();
  return (
    <legend className="fieldset__legend">
      <h1 className="heading-l" tabIndex={-1}>
        {t(`facts.${fact.id}.question`)}
      </h1>
    </legend>
  );
}

/** The "I don't know" checkbox beside a typed answer (dates, numbers). */
function DontKnowCheckbox({ id, label, field }: { id: string; label: string; field: UseFormRegisterReturn }) {
  return (
    <div className="checkboxes">
      <div className="checkboxes__item">
        <input className="checkboxes__input" type="checkbox" id={id} {...field} />
        <label className="checkboxes__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

// ── numbers ──
function NumberQuestion({ fact, returnTo }: QuestionProps) {
  const { t } = useTranslation();
  const { journey, answer, lang } = useApp();
  const current = journey.answers[fact.id];
  const { register, handleSubmit, formState } = useForm<NumberForm>({
    resolver: zodResolver(numberSchema(fact)),
    defaultValues: {
      value: typeof current === 'number' ? String(current) : '',
      dontKnow: current === 'unknown',
    },
    shouldFocusError: false,
    reValidateMode: 'onSubmit',
  });
  const error = formState.errors.value?.message ? renderError(formState.errors.value.message, t, lang) : undefined;
  const hasHint = useHasHint(fact);
  const inputId = `${fact.id}-value`;
  return (
    <Frame
      fact={fact}
      returnTo={returnTo}
      errors={error ? [{ target: inputId, text: error }] : []}
      attempt={formState.submitCount}
      onSubmit={(e) =>
        void handleSubmit((v: FieldValues) =>
          answer(fact.id, fact.dontKnow && v.dontKnow ? 'unknown' : Number(normaliseDigits(String(v.value))), returnTo),
        )(e)
      }
    >
      <div className={`form-group${error ? ' form-group--error' : ''}`}>
        <h1 className="heading-l label-heading" tabIndex={-1}>
          <label htmlFor={inputId}>{t(`facts.${fact.id}.question`)}</label>
        </h1>
        <HintAndExplain fact={fact} />
        <FieldError id={`${fact.id}-error`} text={error} />
        <input
          className={`input input--width-10${error ? ' input--error' : ''}`}
          id={inputId}
          type="text"
          inputMode="decimal"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fact, hasHint, error)}
          {...register('value')}
        />
        {fact.dontKnow && (
          <DontKnowCheckbox id={`${fact.id}-unknown`} label={t('ui.answer.unknown')} field={register('dontKnow')} />
        )}
      </div>
    </Frame>
  );
}
