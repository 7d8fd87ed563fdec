import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers } from '../../engine/types';
import { useApp } from '../context';
import { hrefOf } from '../state/router';
import {
  countAnswers,
  encodeShareFragment,
  exportFile,
  exportFileName,
  linksSupported,
  readImportFile,
  sameAnswers,
  sensitiveTopics,
  shareUrl,
  transferErrorTexts,
  type TransferResult,
} from '../state/transfer';
import { usePageTitle } from '../usePageTitle';
import { ErrorSummary } from '../components/ErrorSummary';
import { Link } from '../components/Link';
import { downloadFile } from '../download';
import { PageHeading, Section } from '../components/Section';

const FILE_INPUT = 'answers-file';

type LoadState =
  | { kind: 'idle' }
  | { kind: 'noFile' }
  | { kind: 'refused'; result: Extract<TransferResult, { ok: false }> }
  | { kind: 'confirm'; answers: Answers; name: string }
  | { kind: 'kept' };

/** Save the answers as a file, load a file, or make a share link. */
export function SavePage() {
  const { t } = useTranslation();
  const { ruleSet, journey, asOf, lang } = useApp();
  const [load, setLoad] = useState<LoadState>({ kind: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const heading = t('ui.transfer.page.heading');
  const errors =
    load.kind === 'noFile'
      ? [t('ui.transfer.load.noFile')]
      : load.kind === 'refused'
        ? transferErrorTexts(load.result, ruleSet, t, lang)
        : [];
  usePageTitle(heading, errors.length > 0);
  const count = countAnswers(journey.answers);

  return (
    <>
      <Link to={count ? { page: 'check' } : { page: 'start' }} className="back-link">
        {t('ui.nav.back')}
      </Link>
      <ErrorSummary errors={errors.map((text) => ({ target: FILE_INPUT, text }))} attempt={attempt} />
      <PageHeading text={heading} />
      <p className="lead">{t('ui.transfer.page.lead')}</p>
      <SaveSection count={count} answers={journey.answers} asOf={asOf} />
      <LoadSection
        count={count}
        state={load}
        errors={errors}
        onResult={(next) => {
          setLoad(next);
          if (next.kind === 'noFile' || next.kind === 'refused') setAttempt((a) => a + 1);
        }}
      />
      <ShareSection count={count} answers={journey.answers} />
    </>
  );
}

function SaveSection({ count, answers, asOf }: { count: number; answers: Answers; asOf: string }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string>();
  const download = () => {
    const name = exportFileName(asOf);
    downloadFile(name, exportFile(answers));
    setSaved(name);
  };
  return (
    <Section name="transfer-save" title={t('ui.transfer.save.title')} className="transfer-section">
      {count ? (
        <>
          <p>{t('ui.transfer.save.body', { count })}</p>
          <p>{t('ui.transfer.save.warning')}</p>
          <button type="button" className="button" onClick={download}>
            {t('ui.transfer.save.button')}
          </button>
        </>
      ) : (
        <p>{t('ui.transfer.save.none')}</p>
      )}
      <p role="status" className="transfer-status">
        {saved ? t('ui.transfer.save.done', { name: saved }) : ''}
      </p>
    </Section>
  );
}

function LoadSection({
  count,
  state,
  errors,
  onResult,
}: {
  count: number;
  state: LoadState;
  errors: string[];
  onResult: (state: LoadState) => void;
}) {
  const { t } = useTranslation();
  const { ruleSet, asOf, journey, importAnswers } = useApp();
  const inputRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  // Focus follows the control: into the confirmation, and back to the file field after "keep".
  useEffect(() => {
    if (state.kind === 'confirm') confirmRef.current?.focus();
    else if (state.kind === 'kept') inputRef.current?.focus();
  }, [state.kind]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) return onResult({ kind: 'noFile' });
    setBusy(true);
    const result = await readImportFile(file, ruleSet, asOf);
    setBusy(false);
    if (!result.ok) return onResult({ kind: 'refused', result });
    if (count && !sameAnswers(journey.answers, result.answers))
      return onResult({ kind: 'confirm', answers: result.answers, name: file.name });
    importAnswers(result.answers, 'file');
  };

  const hasError = errors.length > 0;
  const describedBy = ['answers-file-hint', hasError ? 'answers-file-error' : ''].filter(Boolean).join(' ');
  return (
    <Section name="transfer-load" title={t('ui.transfer.load.title')} className="transfer-section">
      {state.kind === 'confirm' ? (
        <Confirm title={t('ui.transfer.load.confirmTitle')} focus={confirmRef}>
          <p>
            {t('ui.transfer.load.confirmBody', {
              name: state.name,
              count: countAnswers(state.answers),
              current: count,
            })}
          </p>
          <div className="button-group">
            <button type="button" className="button" onClick={() => importAnswers(state.answers, 'file')}>
              {t('ui.transfer.load.confirmYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => onResult({ kind: 'kept' })}>
              {t('ui.transfer.load.confirmNo')}
            </button>
          </div>
        </Confirm>
      ) : (
        <form noValidate onSubmit={(e) => void submit(e)}>
          <div className={`form-group${hasError ? ' form-group--error' : ''}`}>
            <label className="transfer-label" htmlFor={FILE_INPUT}>
              {t('ui.transfer.load.label')}
            </label>
            <div className="hint" id="answers-file-hint">
              <p>{t('ui.transfer.load.hint')}</p>
              {count > 0 && <p>{t('ui.transfer.load.replaces', { count })}</p>}
            </div>
            {hasError && (
              <p className="error-message" id="answers-file-error">
                <span className="visually-hidden">{t('ui.errors.prefix')} </span>
                {state.kind === 'noFile' ? errors[0] : t('ui.transfer.load.notLoaded')}
              </p>
            )}
            <input
              className={`file-upload${hasError ? ' file-upload--error' : ''}`}
              type="file"
              id={FILE_INPUT}
              name={FILE_INPUT}
              accept=".json,application/json"
              aria-describedby={describedBy}
              aria-invalid={hasError || undefined}
              ref={inputRef}
            />
          </div>
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t('ui.transfer.load.button')}
          </button>
        </form>
      )}
      <p role="status" className="transfer-status">
        {state.kind === 'kept' ? t('ui.transfer.load.kept') : ''}
      </p>
    </Section>
  );
}

function ShareSection({ count, answers }: { count: number; answers: Answers }) {
  const { t } = useTranslation();
  const { ruleSet, lang } = useApp();
  const [step, setStep] = useState<'idle' | 'warn' | 'unsupported' | { link: string }>('idle');
  const [copied, setCopied] = useState<'copied' | 'manual'>();
  const warnRef = useRef<HTMLDivElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const touched = useRef(false);
  const topics = sensitiveTopics(ruleSet, answers);

  // Focus follows the control: the warning, then the link (selected), or back to the button on cancel.
  useEffect(() => {
    if (step === 'warn') warnRef.current?.focus();
    else if (typeof step === 'object') linkRef.current?.focus();
    else if (step === 'idle' && touched.current) buttonRef.current?.focus();
  }, [step]);

  const make = () => {
    if (!linksSupported()) return setStep('unsupported');
    encodeShareFragment(answers).then(
      (fragment) => setStep({ link: shareUrl(new URL(hrefOf({ page: 'start' }), location.href).href, fragment) }),
      () => setStep('unsupported'),
    );
  };
  const copy = (link: string) => {
    const manual = () => {
      linkRef.current?.focus();
      linkRef.current?.select();
      setCopied('manual');
    };
    if (!navigator.clipboard?.writeText) return manual();
    navigator.clipboard.writeText(link).then(() => setCopied('copied'), manual);
  };

  // A warning first when the answers touch a sensitive topic.
  const start = () => {
    touched.current = true;
    if (topics.length) setStep('warn');
    else make();
  };

  return (
    <Section name="transfer-share" title={t('ui.transfer.share.title')} className="transfer-section">
      <p>{t('ui.transfer.share.body')}</p>
      {!count && <p>{t('ui.transfer.share.none')}</p>}
      {count > 0 && step === 'idle' && (
        <button type="button" className="button button--secondary" ref={buttonRef} onClick={start}>
          {t('ui.transfer.share.button')}
        </button>
      )}
      {step === 'warn' && (
        <Confirm title={t('ui.transfer.share.sensitiveTitle')} focus={warnRef}>
          <p>
            {t('ui.transfer.share.sensitiveBody', {
              topics: new Intl.ListFormat(lang, { type: 'conjunction' }).format(
                topics.map((topic) => t(`ui.transfer.share.topics.${topic}`)),
              ),
            })}
          </p>
          <div className="button-group">
            <button type="button" className="button button--warning" onClick={make}>
              {t('ui.transfer.share.sensitiveConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setStep('idle')}>
              {t('ui.transfer.share.cancel')}
            </button>
          </div>
        </Confirm>
      )}
      {step === 'unsupported' && <p className="inset inset--warning">{t('ui.transfer.share.unsupported')}</p>}
      {typeof step === 'object' && (
        <div className="form-group share-link">
          <label className="transfer-label" htmlFor="share-link">
            {t('ui.transfer.share.linkLabel')}
          </label>
          <p className="hint" id="share-link-hint">
            {t('ui.transfer.share.linkHint', { count })}
          </p>
          <input
            className="input share-link__input"
            id="share-link"
            type="text"
            readOnly
            value={step.link}
            aria-describedby="share-link-hint"
            ref={linkRef}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="button button--secondary share-link__copy" onClick={() => copy(step.link)}>
            {t('ui.transfer.share.copy')}
          </button>
        </div>
      )}
      <p role="status" className="transfer-status">
        {copied ? t(copied === 'copied' ? 'ui.transfer.share.copied' : 'ui.transfer.share.copyManual') : ''}
      </p>
    </Section>
  );
}

/** A choice to confirm, focused when it appears: a group named by its heading. */
function Confirm({
  title,
  focus,
  children,
}: {
  title: string;
  focus: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="inset inset--warning" role="group" aria-labelledby={id} tabIndex={-1} ref={focus}>
      <h3 className="heading-s" id={id}>
        {title}
      </h3>
      {children}
    </div>
  );
}
