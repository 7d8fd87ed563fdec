import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../context';
import { transferErrorTexts } from '../state/transfer';
import type { Transfer, TransferNoticeState } from '../state/useTransfer';

/**
 * Messages about loaded answers and share links, at the top of the page: loaded (success), a
 * link's answers waiting for a choice (load or keep mine), kept, or a link refused with each problem.
 */
export function TransferNotice({ notice, transfer }: { notice: TransferNoticeState; transfer: Transfer }) {
  const { t } = useTranslation();
  const { ruleSet, lang } = useApp();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const needsFocus = notice.kind === 'linkConfirm' || notice.kind === 'linkRefused';
  useEffect(() => {
    if (needsFocus) ref.current?.focus();
  }, [needsFocus, notice]);

  const warning = notice.kind === 'linkRefused' || notice.kind === 'linkConfirm';
  const base = `ui.transfer.notice.${notice.kind}`;
  return (
    <div
      className={`notice transfer-notice ${warning ? 'notice--warning' : 'notice--success'}`}
      role={notice.kind === 'linkRefused' ? 'alert' : notice.kind === 'linkConfirm' ? 'region' : 'status'}
      aria-labelledby={id}
      tabIndex={needsFocus ? -1 : undefined}
      ref={ref}
      data-notice={notice.kind}
    >
      <h2 className="notice__title" id={id}>
        {t(`${base}.title`)}
      </h2>
      {notice.kind === 'imported' && (
        <p className="notice__body">{t(`${base}.${notice.from}`, { count: notice.count })}</p>
      )}
      {notice.kind === 'linkKept' && <p className="notice__body">{t(`${base}.body`)}</p>}
      {notice.kind === 'linkRefused' && (
        <>
          <ul className="transfer-notice__list">
            {transferErrorTexts(notice.result, ruleSet, t, lang).map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
          <p className="notice__body">{t(`${base}.body`)}</p>
        </>
      )}
      {notice.kind === 'linkConfirm' && (
        <>
          <p className="notice__body">{t(`${base}.body`, { count: notice.count, current: notice.current })}</p>
          <div className="button-group transfer-notice__actions">
            <button
              type="button"
              className="button"
              onClick={() => transfer.importAnswers(notice.answers, 'link', notice.to)}
            >
              {t(`${base}.load`)}
            </button>
            <button type="button" className="button button--secondary" onClick={transfer.keepMine}>
              {t(`${base}.keep`)}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
