import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './context';

/**
 * Every page calls this: "<page> – <service>" as the document title ("Error: " first while the
 * page shows errors), and focus on the page's h1 when it was reached by navigation. `neutral`:
 * a question whose wording reveals a sensitive topic (`sensitive:` in rules/facts.yaml) has the
 * same plain title as any question ("Question — residence screening"), so that the browser's
 * history and tab list name neither violence nor a refugee claim.
 */
export function usePageTitle(title: string, hasError = false, neutral = false) {
  const { t } = useTranslation();
  const { focusHeading } = useApp();
  const full = neutral ? t('ui.exit.neutralTitle') : `${title} – ${t('ui.service.name')}`;
  const prefix = hasError ? t('ui.errors.titlePrefix') : '';
  useEffect(() => {
    document.title = `${prefix}${full}`;
  }, [prefix, full]);
  useEffect(() => {
    if (focusHeading) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [focusHeading]);
}
