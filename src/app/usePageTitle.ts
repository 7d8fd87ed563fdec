import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './context';

/**
 * Every page calls this: "<page> – <service>" as the document title ("Error: " first while the
 * page shows errors), and focus on the page's h1 when it was reached by navigation.
 */
export function usePageTitle(title: string, hasError = false) {
  const { t } = useTranslation();
  const { focusHeading } = useApp();
  const service = t('ui.service.name');
  const prefix = hasError ? t('ui.errors.titlePrefix') : '';
  useEffect(() => {
    document.title = `${prefix}${title} – ${service}`;
  }, [prefix, title, service]);
  useEffect(() => {
    if (focusHeading) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [focusHeading]);
}
