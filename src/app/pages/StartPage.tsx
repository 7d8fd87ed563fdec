import { useTranslation } from 'react-i18next';
import { useApp } from '../context';
import { currentStep } from '../state/journey-steps';
import { usePageTitle } from '../usePageTitle';
import { ClearAnswers, LanguageSwitch } from '../components/Header';
import { Link } from '../components/Link';

export function StartPage() {
  const { t } = useTranslation();
  const { journey, next, go } = useApp();
  const heading = t('ui.start.heading');
  usePageTitle(heading);
  const inProgress = journey.path.length > 0;
  const listOf = (key: string) => t(key, { returnObjects: true }) as unknown as string[];
  const does = listOf('ui.start.does.items');
  const doesNot = listOf('ui.start.doesNot.items');
  const action = inProgress ? (
    <div className="continue-box">
      <h2 className="heading-m">{t('ui.start.inProgress.title')}</h2>
      <p>{t('ui.start.inProgress.body', { count: journey.path.length })}</p>
      <div className="button-group">
        <button type="button" className="button" onClick={() => go(currentStep(next(), journey))}>
          {t('ui.start.inProgress.continue')}
        </button>
        {/* Asks first, like "Clear my answers": a slip must not lose every answer. */}
        <ClearAnswers label={t('ui.start.inProgress.restart')} className="button button--secondary" />
      </div>
    </div>
  ) : (
    <button type="button" className="button button--start" onClick={() => go(currentStep(next(), journey))}>
      {t('ui.start.button')}
      <svg className="button__arrow" aria-hidden="true" focusable="false" width="17" height="19" viewBox="0 0 33 40">
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </button>
  );
  // The heading, one lead paragraph and the button fit the first screen of a phone; the rest follows.
  return (
    <>
      <h1 className="heading-xl" tabIndex={-1}>
        {heading}
      </h1>
      <p className="lead">{t('ui.start.lead')}</p>
      <p className="meta">{t('ui.start.time.body')}</p>
      {action}

      <div className="inset">
        <p>
          <strong>{t('ui.start.notPermanent.title')}</strong> {t('ui.start.notPermanent.body')}
        </p>
      </div>

      <h2 className="heading-m">{t('ui.start.does.title')}</h2>
      <ul className="list list--bullet">{Array.isArray(does) && does.map((item) => <li key={item}>{item}</li>)}</ul>

      <h2 className="heading-m">{t('ui.start.doesNot.title')}</h2>
      <ul className="list list--bullet">
        {Array.isArray(doesNot) && doesNot.map((item) => <li key={item}>{item}</li>)}
      </ul>

      <h2 className="heading-m">{t('ui.start.privacy.title')}</h2>
      <p>{t('ui.start.privacy.body')}</p>

      <h2 className="heading-m" id="start-language">
        {t('ui.start.language.title')}
      </h2>
      <p>{t('ui.start.language.body')}</p>
      <LanguageSwitch className="lang-switch lang-switch--large" inline />

      <p className="transfer-link">
        <Link to={{ page: 'save' }}>{t('ui.saveLink')}</Link>
      </p>
    </>
  );
}
