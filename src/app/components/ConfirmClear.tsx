// A control that clears the answers only once confirmed inline, so a slip loses nothing: the
// header's "Clear my answers", the start page's "Start again" and the page shown when another failed.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ConfirmClear({
  count,
  onClear,
  label,
  className = 'link-button clear-answers',
}: {
  /** How many answers would go (said in the confirmation). */
  count: number;
  onClear: () => void;
  label?: string | undefined;
  className?: string | undefined;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const touched = useRef(false);
  const id = useId();
  // Focus follows the control: into the confirmation, and back to the button on cancel.
  useEffect(() => {
    if (!touched.current) return;
    (confirming ? confirmRef : openRef).current?.focus();
  }, [confirming]);
  if (!confirming)
    return (
      <button
        type="button"
        className={className}
        ref={openRef}
        onClick={() => {
          touched.current = true;
          setConfirming(true);
        }}
      >
        {label ?? t('ui.clear.button')}
      </button>
    );
  const confirm = () => {
    touched.current = false;
    setConfirming(false);
    onClear();
  };
  return (
    <div className="clear-confirm" role="group" aria-labelledby={id}>
      <p id={id} className="clear-confirm__text">
        {count ? t('ui.clear.confirm', { count }) : t('ui.clear.confirmEmpty')}
      </p>
      <button type="button" className="button button--warning button--small" ref={confirmRef} onClick={confirm}>
        {t('ui.clear.yes')}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
        {t('ui.clear.cancel')}
      </button>
    </div>
  );
}
