// What every question page shares around its inputs: the frame (back link, error summary,
// progress, submit button, helplines, family tree), the legend, hint, explanation and field error.
import links from 'virtual:teiju/links';
import { useEffect, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Fact } from '../../../engine/types';
import { helplinesFor } from '../../../present/links';
import { sectionProgress } from '../../../present/sections';
import { useApp } from '../../context';
import { factById, previousOf } from '../../state/journey';
import { usePageTitle } from '../../usePageTitle';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { FamilyTree } from '../../components/FamilyTree';
import { GlossaryScope, Glossed } from '../../components/Glossary';
import { Link } from '../../components/Link';
import { Helplines } from '../../components/OfficialLink';
import { Paragraphs } from '../../components/Paragraphs';

export interface QuestionProps {
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
export function Frame({
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
  const { journey, ruleSet, asOf, pending, prerendered, hydrated } = useApp();
  useEffect(() => {
    if (pending) hydrated();
  }, [pending, hydrated]);
  const next = useApp().next();
  const question = t(`facts.${fact.id}.question`);
  usePageTitle(question, errors.length > 0, !!fact.sensitive);
  // A question a change from check your answers opened (not the changed one): says why, and goes on.
  const opened =
    returnTo &&
    changed &&
    changed !== fact.id &&
    !!factById(ruleSet, changed) &&
    journey.answers[fact.id] === undefined;
  const progress = pending ? undefined : sectionProgress(ruleSet, journey.answers, journey.path, next, fact.id, asOf);
  return (
    <GlossaryScope key={fact.id}>
      <Link to={previousOf(journey, fact.id, returnTo)} className="back-link">
        {t('ui.nav.back')}
      </Link>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p className="caption" id={`${fact.id}-progress`}>
        {/* Before the rules arrive (a prerendered question), the line keeps its place, empty. */}
        {!progress
          ? '\u00a0'
          : opened
            ? t('ui.progress.opened', { count: Math.max(1, next.length), changed: t(`facts.${changed}.question`) })
            : returnTo
              ? t('ui.progress.changing')
              : t('ui.progress.section', {
                  part: progress.part,
                  of: progress.of,
                  section: t(`ui.check.section.${progress.section}`),
                })}
      </p>
      {/* Inert until a prerendered question has hydrated (react-hook-form then takes the inputs over). */}
      <form
        noValidate
        onSubmit={onSubmit}
        className="question-form"
        data-fact={fact.id}
        data-type={fact.type}
        inert={prerendered}
      >
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

/** What every option's input carries: its id (for its label and the error summary), value and validity. */
export const optionAttrs = (fact: Fact, option: string, error: string | undefined) => ({
  id: `${fact.id}-${option}`,
  value: option,
  'aria-invalid': error ? true : undefined,
});

/**
 * The frame of a question answered by choosing (radios or checkboxes in one fieldset): an error
 * points at the first option, and a valid submit sends the value `onValid` reads from the form.
 */
export function ChoiceFrame({
  error,
  first,
  attempt,
  onValid,
  children,
  ...question
}: QuestionProps & {
  error: string | undefined;
  first: string | undefined;
  attempt: number;
  /** react-hook-form's handleSubmit, calling `send` with the answer. */
  onValid: (send: (value: string) => void) => (e: React.FormEvent<HTMLFormElement>) => Promise<void>;
  children: ReactNode;
}) {
  const { answer } = useApp();
  const { fact, returnTo, changed } = question;
  return (
    <Frame
      {...question}
      errors={error ? [{ target: `${fact.id}-${first}`, text: error }] : []}
      attempt={attempt}
      onSubmit={(e) => void onValid((value) => answer(fact.id, value, returnTo, changed))(e)}
    >
      <QuestionFieldset fact={fact} error={error}>
        {children}
      </QuestionFieldset>
    </Frame>
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
export function DontKnowCheckbox({ id, label, field }: { id: string; label: string; field: UseFormRegisterReturn }) {
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

/** The question's fieldset: its legend, hint and explanation, the error, then the inputs. */
export function QuestionFieldset({
  fact,
  error,
  extraHint,
  children,
}: {
  fact: Fact;
  error: string | undefined;
  extraHint?: string;
  children: ReactNode;
}) {
  const hasHint = useHasHint(fact, extraHint !== undefined);
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(fact, hasHint, error)}>
        <QuestionLegend fact={fact} />
        <HintAndExplain fact={fact} extraHint={extraHint} />
        <FieldError id={`${fact.id}-error`} text={error} />
        {children}
      </fieldset>
    </div>
  );
}
