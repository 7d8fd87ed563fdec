// Headings and the parts they name: a page's main heading, and a <section> (or an <aside>) that
// its heading names (aria-labelledby), so assistive technology lists it as a region with that
// name; the questions grouped by the journey's sections (check your answers, the questions
// overview). One module, so that the pages that share them load one chunk.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fact } from '../../engine/types';
import { SECTIONS } from '../../present/sections';

/** A page's main heading: focusable, so that the page can move focus to it on navigation. */
export function PageHeading({ text }: { text: string }) {
  return (
    <h1 className="heading-l" tabIndex={-1}>
      {text}
    </h1>
  );
}

export function Section({
  name,
  headingId = `${name}-title`,
  title,
  className = name,
  headingClass = 'heading-m',
  aside = false,
  children,
  ...data
}: {
  /** The heading's id is `<name>-title` unless given; the class, unless given, is the name. */
  name: string;
  headingId?: string;
  title: ReactNode;
  className?: string;
  headingClass?: string;
  /** Beside the page's content rather than part of it (e.g. the helplines). */
  aside?: boolean;
  children: ReactNode;
  /** The language of the part when it differs from the page's (the sheet in both languages). */
  lang?: string;
  /** data-section, data-group: the page part's name for styles and tests. */
  [data: `data-${string}`]: string;
}) {
  const Tag = aside ? 'aside' : 'section';
  return (
    <Tag className={className} aria-labelledby={headingId} {...data}>
      <h2 className={headingClass} id={headingId}>
        {title}
      </h2>
      {children}
    </Tag>
  );
}

/** The questions grouped by the journey's sections, each section under its heading as a list. */
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
