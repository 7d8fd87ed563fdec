import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../context';
import { LANGUAGES } from '../../present/languages';
import { ConfirmClear } from './ConfirmClear';
import { Link } from './Link';

/**
 * The language switch: every language of locales/languages.json, each name in its own script; the
 * current one is marked, not a button.
 */
export function LanguageSwitch({
  className = 'lang-switch',
  inline = false,
}: {
  className?: string;
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const { lang, switchLanguage } = useApp();
  const Tag = inline ? 'div' : 'nav';
  // The pressed button turns into the current language: focus moves there, not to the page body.
  const currentRef = useRef<HTMLSpanElement>(null);
  const switched = useRef(false);
  useEffect(() => {
    if (!switched.current) return;
    switched.current = false;
    currentRef.current?.focus();
  }, [lang]);
  return (
    <Tag className={className} aria-label={inline ? undefined : t('ui.language.label')}>
      <ul>
        {LANGUAGES.map(({ code: l, name }) => (
          <li key={l}>
            {l === lang ? (
              <span className="lang-switch__current" lang={l} aria-current="true" tabIndex={-1} ref={currentRef}>
                {name}
              </span>
            ) : (
              <button
                type="button"
                className="lang-switch__button"
                lang={l}
                onClick={() => {
                  switched.current = true;
                  switchLanguage(l);
                }}
              >
                {name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Tag>
  );
}

/** "Clear my answers", always available, with an inline confirmation so a slip loses nothing.
 * The start page's "Start again" is the same control with its own label. */
export function ClearAnswers({
  label,
  className,
}: { label?: string | undefined; className?: string | undefined } = {}) {
  const { clear, journey } = useApp();
  return <ConfirmClear count={journey.path.length} onClear={clear} label={label} className={className} />;
}

export function Header() {
  const { t } = useTranslation();
  return (
    <header className="header">
      <div className="width-container header__inner">
        <Link to={{ page: 'start' }} className="header__service">
          {t('ui.service.name')}
        </Link>
        <div className="header__tools">
          <LanguageSwitch />
          <ClearAnswers />
        </div>
      </div>
    </header>
  );
}
