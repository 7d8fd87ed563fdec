// An official link of rules/links.yaml: opened in a new tab, never fetched, prefetched or embedded
// (rel="noopener noreferrer", no preload hints). A helpline shows its number as a tel: link.
import { useTranslation } from 'react-i18next';
import { japaneseOnly, LAW_LANG, linkHref, telHref, type OfficialLink } from '../../present';
import { Section } from './Section';

export function OfficialLinkView({ link, primary = false }: { link: OfficialLink; primary?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const text = t(`links.${link.id}`);
  return (
    <p className={`official-link${primary ? ' official-link--primary' : ''}`} data-link={link.id}>
      {link.tel && (
        <a className="official-link__tel" href={telHref(link.tel)}>
          {t('links.ui.call', { tel: link.tel })}
        </a>
      )}
      {link.tel && ' · '}
      <a
        className="official-link__page"
        href={linkHref(link, lang)}
        target="_blank"
        rel="noopener noreferrer"
        hrefLang={japaneseOnly(link, lang) ? LAW_LANG : lang}
      >
        {text}
        {japaneseOnly(link, lang) && <> {t('links.ui.inJapanese')}</>}
        <span className="visually-hidden"> {t('links.ui.newTab')}</span>
      </a>
      <span className="official-link__owner"> — {t(`links.owners.${link.owner}`)}</span>
    </p>
  );
}

/** The helplines of a sensitive topic, with their numbers as tel: links. */
export function Helplines({ list }: { list: OfficialLink[] }) {
  const { t } = useTranslation();
  if (!list.length) return null;
  return (
    <Section
      name="helplines"
      title={t('links.ui.helplinesTitle')}
      headingClass="heading-s"
      data-section="helplines"
      aside
    >
      <p>{t('links.ui.helplinesBody')}</p>
      {list.map((l) => (
        <OfficialLinkView key={l.id} link={l} />
      ))}
    </Section>
  );
}
