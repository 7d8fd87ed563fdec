// A part of a page with a heading: a <section> (or an <aside>) that its heading names
// (aria-labelledby), so assistive technology lists it as a region with that name.
import type { ReactNode } from 'react';

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
