// What the page shown instead of one that failed to render says and offers (the frame around it,
// the answers and "Clear my answers" as the app does it come from components/ErrorBoundary.tsx):
// that something went wrong, the answers as a file, trying again, the start page, clearing the
// answers.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../download';
import { ConfirmClear } from './ConfirmClear';

export interface CrashViewProps {
  /** The answers stored in this tab (checked once the rules are there, only counted before). */
  count: number;
  /** The answers file, once the answers are checked and there are some. */
  file?: () => { name: string; text: string };
  retry: () => void;
  clear: () => void;
  /** The start page's address. */
  home: string;
}

export function CrashView({ count, file, retry, clear, home }: CrashViewProps) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string>();
  const title = t('ui.crash.title');

  useEffect(() => {
    document.title = `${title} – ${t('ui.service.name')}`;
  }, [title, t]);

  const download = () => {
    if (!file) return;
    const { name, text } = file();
    downloadFile(name, text);
    setSaved(name);
  };

  return (
    <div className="crash" data-crash="">
      <h1 className="heading-l" tabIndex={-1}>
        {title}
      </h1>
      <p>{t('ui.crash.body')}</p>
      {file ? (
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
      ) : count === 0 ? (
        <p>{t('ui.crash.none')}</p>
      ) : null}
      <p className="crash__actions">
        <button type="button" className="button button--secondary" onClick={retry}>
          {t('ui.crash.retry')}
        </button>{' '}
        <a className="link" href={home}>
          {t('ui.crash.start')}
        </a>
      </p>
      <ConfirmClear count={count} onClear={clear} />
    </div>
  );
}
