import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { usePageTitle } from '../usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  const heading = t('ui.notFound.heading');
  usePageTitle(heading);
  return (
    <>
      <h1 className="heading-l" tabIndex={-1}>
        {heading}
      </h1>
      <p>{t('ui.notFound.body')}</p>
      <p>
        <Link to={{ page: 'start' }}>{t('ui.notFound.link')}</Link>
      </p>
    </>
  );
}
