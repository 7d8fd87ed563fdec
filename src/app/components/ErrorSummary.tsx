import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError {
  /** id of the field the link moves focus to */
  target: string;
  text: string;
}

/**
 * GOV.UK-style error summary: at the top of the page, announced (role=alert) and focused when
 * shown (in the commit that shows it, even when a form validates asynchronously); each error is a link that moves focus to its field without touching the URL fragment.
 */
export function ErrorSummary({ errors, attempt }: { errors: SummaryError[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (errors.length) ref.current?.focus();
    // Focus again on every failed attempt, not on every re-render (e.g. a language switch).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);
  if (!errors.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        {t('ui.errors.summaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((e) => (
          <li key={`${e.target}:${e.text}`}>
            <a
              href={`#${e.target}`}
              onClick={(ev) => {
                ev.preventDefault();
                const el = document.getElementById(e.target);
                if (!el) return;
                // Bring the question (legend) into view with the field, as GOV.UK does.
                const legend = el.closest('fieldset')?.querySelector('legend');
                (legend ?? el).scrollIntoView?.({ block: 'start' });
                el.focus({ preventScroll: true });
              }}
            >
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
