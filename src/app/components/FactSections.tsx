// The questions grouped by the journey's sections, each under its heading as a list: check your
// answers and the questions overview (scrivener view).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fact } from '../../engine/types';
import { SECTIONS } from '../../present/sections';
import { Section } from './Section';

export function FactSections({
  facts,
  idPrefix,
  listClass,
  row,
}: {
  /** The questions to list, in the order to show them (grouping keeps it). */
  facts: Fact[];
  /** The headings' ids are `<idPrefix>-<section id>`. */
  idPrefix: string;
  listClass: string;
  row: (fact: Fact) => ReactNode;
}) {
  const { t } = useTranslation();
  return SECTIONS.map((section) => {
    const list = facts.filter((f) => section.groups.includes(f.group));
    if (!list.length) return null;
    const title = t(`ui.check.section.${section.id}`);
    return (
      <Section key={section.id} name="check-section" headingId={`${idPrefix}-${section.id}`} title={title}>
        <dl className={listClass}>{list.map(row)}</dl>
      </Section>
    );
  });
}
