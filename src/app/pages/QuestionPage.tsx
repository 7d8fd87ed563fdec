import links from 'virtual:teiju/links';
import { helplinesFor } from '../../present/links';
import { Helplines } from '../components/OfficialLink';
import { GlossaryScope, Glossed } from '../components/Glossary';
import { useMemo, type ReactNode } from 'react';
import { Controller, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { chosenOf } from '../../engine/answers';
import type { AnswerValue, Fact } from '../../engine/types';
import { useApp } from '../context';
import { factById, previousOf } from '../journey';
import { sectionProgress } from '../../present/sections';
import { dateAnswerSchema, dateParts, multiValue, optionsOf, questionSchema, type DateForm } from '../schema';
import { isoOf } from '../date-fields';
import { dateErrorOf, messageOf, useSchemaForm } from '../form';
import { DateInput } from '../components/DateInput';
import { usePageTitle } from '../usePageTitle';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { Link } from '../components/Link';
import { Paragraphs } from '../components/Paragraphs';
import { FamilyTree } from '../components/FamilyTree';
import { NotFoundPage } from './NotFoundPage';

interface Props {
  factId: string;
  returnTo?: 'check' | undefined;
  /** On a question a change from check your answers opened: the answer changed. */
  changed?: string | undefined;
}

export function QuestionPage({ factId, returnTo, changed }: Props) {
  const { ruleSet } = useApp();
  const fact = factById(ruleSet, factId);
  if (!fact) return <NotFoundPage />;
  switch (fact.type) {
    case 'yesno':
    case 'choice':
      return <ChoiceQuestion fact={fact} returnTo={returnTo} changed={changed} />;
    case 'multi':
      return <MultiQuestion fact={fact} returnTo={returnTo} changed={changed} />;
    case 'date':
      return <DateQuestion fact={fact} returnTo={returnTo} changed={changed} />;
  }
}

interface QuestionProps {
  fact: Fact;
  returnTo?: 'check' | undefined;
  changed?: string | undefined;
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
  changed,
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
  const { journey, next, ruleSet, asOf } = useApp();
  const question = t(`facts.${fact.id}.question`);
  usePageTitle(question, errors.length > 0, !!fact.sensitive);
  // A question a change from check your answers opened (not the changed one): says why, and goes on.
  const opened =
    returnTo &&
    changed &&
    changed !== fact.id &&
    !!factById(ruleSet, changed) &&
    journey.answers[fact.id] === undefined;
  const progress = sectionProgress(ruleSet, journey.answers, journey.path, next, fact.id, asOf);
  return (
    <GlossaryScope key={fact.id}>
      <Link to={previousOf(journey, fact.id, returnTo)} className="back-link">
        {t('ui.nav.back')}
      </Link>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p className="caption" id={`${fact.id}-progress`}>
        {opened
          ? t('ui.progress.opened', { count: Math.max(1, next.length), changed: t(`facts.${changed}.question`) })
          : returnTo
            ? t('ui.progress.changing')
            : t('ui.progress.section', {
                part: progress.part,
                of: progress.of,
                section: t(`ui.check.section.${progress.section}`),
              })}
      </p>
      <form noValidate onSubmit={onSubmit} className="question-form" data-fact={fact.id} data-type={fact.type}>
        {children}
        <button type="submit" className="button">
          {returnTo && !opened ? t('ui.nav.saveAndReturn') : t('ui.nav.continue')}
        </button>
      </form>
      {fact.sensitive && <Helplines list={helplinesFor(links, [fact.sensitive])} />}
      <FamilyTree place="question" factId={fact.id} />
    </GlossaryScope>
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
          {hint && <Paragraphs text={hint} glossId="hint" />}
          {extraHint && <p>{extraHint}</p>}
        </div>
      )}
      {explain && (
        <details className="details">
          <summary className="details__summary">
            <span className="details__summary-text">{t('ui.question.explainSummary')}</span>
          </summary>
          <div className="details__text">
            <Paragraphs text={explain} glossId="explain" />
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
function ChoiceQuestion({ fact, returnTo, changed }: QuestionProps) {
  const { t } = useTranslation();
  const { journey, answer } = useApp();
  const current = journey.answers[fact.id];
  const { register, handleSubmit, formState } = useSchemaForm(questionSchema(fact as Fact & { type: 'choice' }), {
    value: current === undefined ? null : String(current),
  });
  const error = messageOf(formState.errors.value);
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
      changed={changed}
      errors={error ? [{ target: firstId, text: error }] : []}
      attempt={formState.submitCount}
      onSubmit={(e) => void handleSubmit((v) => answer(fact.id, v.value as string, returnTo, changed))(e)}
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

// ── select all that apply: checkboxes, and "None of these" on its own ──
function MultiQuestion({ fact, returnTo, changed }: QuestionProps) {
  const { t } = useTranslation();
  const { journey, answer } = useApp();
  const current = journey.answers[fact.id];
  const { register, handleSubmit, formState, setValue, getValues } = useSchemaForm(
    questionSchema(fact as Fact & { type: 'multi' }),
    { value: typeof current === 'string' && current !== 'unknown' ? chosenOf(current) : [] },
  );
  const error = messageOf(formState.errors.value);
  const options = fact.options ?? [];
  const firstId = `${fact.id}-${options[0]}`;
  const hasHint = useHasHint(fact);
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
        id={`${fact.id}-${o}`}
        value={o}
        aria-invalid={error ? true : undefined}
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
  return (
    <Frame
      fact={fact}
      returnTo={returnTo}
      changed={changed}
      errors={error ? [{ target: firstId, text: error }] : []}
      attempt={formState.submitCount}
      onSubmit={(e) => void handleSubmit((v) => answer(fact.id, multiValue(fact, v.value), returnTo, changed))(e)}
    >
      <div className={`form-group${error ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset" aria-describedby={describedBy(fact, hasHint, error)}>
          <QuestionLegend fact={fact} />
          <HintAndExplain fact={fact} />
          <FieldError id={`${fact.id}-error`} text={error} />
          <div className="checkboxes">
            {options.map(box)}
            <div className="checkboxes__divider">{t('ui.question.or')}</div>
            {box('none')}
          </div>
        </fieldset>
      </div>
    </Frame>
  );
}

// ── dates: year, month and day fields (西暦) ──
function DateQuestion({ fact, returnTo, changed }: QuestionProps) {
  const { t } = useTranslation();
  const { journey, answer, ruleSet, asOf, today } = useApp();
  const schema = useMemo(() => {
    const others = { ...journey.answers };
    delete others[fact.id];
    return dateAnswerSchema(fact, ruleSet, others, asOf, today);
  }, [fact, ruleSet, journey.answers, asOf, today]);
  const { control, register, handleSubmit, formState } = useSchemaForm(schema, dateParts(journey.answers[fact.id]));
  const { bad, first, text: error } = dateErrorOf(formState.errors.date);
  const hasHint = useHasHint(fact, true);
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
      <div className={`form-group${error ? ' form-group--error' : ''}`}>
        <fieldset className="fieldset" aria-describedby={describedBy(fact, hasHint, error)}>
          <QuestionLegend fact={fact} />
          <HintAndExplain fact={fact} extraHint={t('ui.date.hint')} />
          <FieldError id={`${fact.id}-error`} text={error} />
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
                birthday={fact.id === 'birth_date'}
              />
            )}
          />
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
        <Glossed text={t(`facts.${fact.id}.question`)} id="question" linked={false} />
      </h1>
    </legend>
  );
}

/** The "I don't know the date" checkbox below the date fields. */
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
