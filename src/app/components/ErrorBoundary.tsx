// Whatever goes wrong while a page renders, the person sees a page in their language that says
// so, keeps "Exit this page" and "Clear my answers", and offers their answers as a file; the
// answers stay stored (nothing here clears them). Two levels use it: around each page (the
// header and the exit stay as they are; a new page starts afresh) and around the whole app
// (then this page brings its own exit control).
import { Component, useEffect, useId, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { serializeAnswers } from '../../engine/answers';
import type { RuleSet } from '../../engine/types';
import { QuickExit } from './QuickExit';
import { clearJourney, loadJourney, type ListableStorage } from '../storage';
import { exportFileName } from '../transfer-basics';

interface BoundaryProps {
  children: ReactNode;
  fallback: (retry: () => void) => ReactNode;
}

export class ErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    // For whoever looks at the console; nothing is sent anywhere.
    console.error('teiju: a page failed to render', error, info.componentStack);
  }

  render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}

interface CrashProps {
  ruleSet: RuleSet;
  asOf: string;
  storage: ListableStorage | null;
  retry: () => void;
  /** Around the whole app: the page brings "Exit this page" and its own frame. */
  standalone?: boolean;
  /** "Clear my answers" as the app does it (to the start page, with its message); else a reload. */
  clear?: () => void;
}

/** The page shown instead of one that failed. */
export function CrashPage({ ruleSet, asOf, storage, retry, standalone, clear }: CrashProps) {
  const { t } = useTranslation();
  // What the app would restore from this tab (validated, never throws).
  const [answers] = useState(() => loadJourney(storage, ruleSet, asOf).journey.answers);
  const count = Object.keys(answers).length;
  const [saved, setSaved] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const confirmId = useId();
  const title = t('ui.crash.title');

  useEffect(() => {
    document.title = `${title} – ${t('ui.service.name')}`;
  }, [title, t]);

  const download = () => {
    const name = exportFileName(asOf);
    const url = URL.createObjectURL(new Blob([`${serializeAnswers(answers)}\n`], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setSaved(name);
  };
  const clearNow = () => {
    if (clear) return clear();
    clearJourney(storage);
    location.assign(`${(import.meta.env.BASE_URL ?? '/').replace(/\/$/, '')}/`);
  };

  const body = (
    <div className="crash" data-crash="">
      <h1 className="heading-l" tabIndex={-1}>
        {title}
      </h1>
      <p>{t('ui.crash.body')}</p>
      {count > 0 ? (
        <>
          <p>{t('ui.crash.download.body', { count })}</p>
          <button type="button" className="button" onClick={download}>
            {t('ui.crash.download.button')}
          </button>
          {saved && (
            <p role="status" className="crash__saved">
              {t('ui.crash.download.done', { name: saved })}
            </p>
          )}
        </>
      ) : (
        <p>{t('ui.crash.none')}</p>
      )}
      <p className="crash__actions">
        <button type="button" className="button button--secondary" onClick={retry}>
          {t('ui.crash.retry')}
        </button>{' '}
        <a className="link" href={`${(import.meta.env.BASE_URL ?? '/').replace(/\/$/, '')}/`}>
          {t('ui.crash.start')}
        </a>
      </p>
      {!confirming ? (
        <button type="button" className="link-button clear-answers" onClick={() => setConfirming(true)}>
          {t('ui.clear.button')}
        </button>
      ) : (
        <div className="clear-confirm" role="group" aria-labelledby={confirmId}>
          <p id={confirmId} className="clear-confirm__text">
            {count ? t('ui.clear.confirm', { count }) : t('ui.clear.confirmEmpty')}
          </p>
          <button type="button" className="button button--warning button--small" onClick={clearNow}>
            {t('ui.clear.yes')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
            {t('ui.clear.cancel')}
          </button>
        </div>
      )}
    </div>
  );
  if (!standalone) return body;
  return (
    <>
      <QuickExit storage={storage} />
      <div className="width-container">
        <main id="main" className="main" tabIndex={-1}>
          {body}
        </main>
      </div>
    </>
  );
}
