// The headline panel at the top of the results: for each route that fits, one plain sentence
// and one primary action (an official link of rules/links.yaml). The sentences come from
// src/present/headline.ts, which the CLI prints too.
import links from 'virtual:teiju/links';
import { useTranslation } from 'react-i18next';
import type { RuleSet, Screening } from '../../engine/types';
import { headline, typographyOf } from '../../present';
import { useApp } from '../context';
import { OfficialLinkView } from './OfficialLink';
import { Glossed } from './Glossary';
import { Section } from './Section';

export function Headline({ ruleSet, screening }: { ruleSet: RuleSet; screening: Screening }) {
  const { t } = useTranslation();
  const { lang, journey } = useApp();
  const h = headline(ruleSet, screening, journey.answers, links, t, lang);
  return (
    <Section
      name="headline"
      title={t('ui.headline.title')}
      headingClass="heading-m headline__title"
      data-section="headline"
    >
      <ul className="headline__items">
        {h.items.map((item, i) => (
          <li
            key={item.ruleId ?? i}
            className={`headline__item headline__item--${item.tone}`}
            data-headline-rule={item.ruleId}
            data-tone={item.tone}
          >
            <p className="headline__text">
              {item.sentences.map((s, j) => (
                <span key={j} className={j === 0 ? 'headline__lead' : undefined}>
                  {j > 0 && typographyOf(lang).sentences}
                  <Glossed text={s} id={`headline:${item.ruleId ?? i}:${j}`} />
                </span>
              ))}
            </p>
            {item.action && <OfficialLinkView link={item.action} primary />}
          </li>
        ))}
      </ul>
      {h.notices.map((n) => (
        <p key={n} className="headline__notice">
          {n}
        </p>
      ))}
      {h.more > 0 && <p className="headline__more">{t('ui.headline.more', { count: h.more })}</p>}
    </Section>
  );
}
