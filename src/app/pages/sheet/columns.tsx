// The sheet's columns: one block per language, side by side when there are two, and headings
// and lines of text in each language, each part with its own `lang`.
import type { ReactNode } from 'react';
import type { Translate } from '../../../present';
import type { Lang } from '../../i18n';

/** What a sheet block needs: the texts of its language and the language code. */
export interface Col {
  lang: Lang;
  t: Translate;
}

/** One block per language: side by side when there are two. */
export function Cols({ cols, children }: { cols: Col[]; children: (col: Col) => ReactNode }) {
  return (
    <div className={`sheet-cols sheet-cols--${cols.length}`}>
      {cols.map((c) => (
        <div key={c.lang} className="sheet-col" lang={c.lang}>
          {children(c)}
        </div>
      ))}
    </div>
  );
}

/** A section heading in each language of the sheet, each part with its own `lang`. */
export function BiHeading({ id, cols, k, count }: { id: string; cols: Col[]; k: string; count?: number }) {
  return (
    <h2 className="heading-m sheet-heading" id={id}>
      {cols.map(({ t, lang }, i) => (
        <span key={lang} lang={lang} className="sheet-heading__part">
          {i > 0 && <span aria-hidden="true"> / </span>}
          {t(k, count === undefined ? undefined : { count })}
        </span>
      ))}
    </h2>
  );
}

/** A line of text in each language of the sheet. */
export function BiText({ className, cols, k }: { className: string; cols: Col[]; k: string }) {
  return (
    <p className={className}>
      {cols.map(({ t, lang }) => (
        <span key={lang} lang={lang} className={`${className}-part`}>
          {t(k)}
        </span>
      ))}
    </p>
  );
}
