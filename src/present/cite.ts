// A citation (instrument, item, sub-item, clause, sources) as one display string.
import type { Citation } from '../engine/types';
import { DEFAULT_LANG } from './languages';
import { aside, plainList, type Translate } from './translate';

/**
 * "Long-Term Resident Notice (…), item 5 ロ (ro)" / 「定住者告示 第5号ロ」: the law's name from
 * `laws.<law>`, the shape from `engine.cite.*`. With `sources`, the source keys (rules/sources.yaml) follow.
 */
export function formatCitation(cite: Citation, t: Translate, opts: { sources?: boolean; lang?: string } = {}): string {
  const law = t(`laws.${cite.law}`);
  let text =
    cite.item === undefined
      ? t('engine.cite.plain', { law })
      : cite.sub === undefined
        ? t('engine.cite.item', { law, item: cite.item })
        : t('engine.cite.sub', { law, item: cite.item, subKana: t(`engine.subKana.${cite.sub}`) });
  if (cite.clause) text += ` ${cite.clause}`;
  const lang = opts.lang ?? DEFAULT_LANG;
  if (opts.sources && cite.refs.length)
    text += aside(t('engine.cite.sources', { refs: plainList(cite.refs, lang) }), lang);
  return text;
}

/** Whether two citations name the same place (the source keys aside). */
export function sameCitation(a: Citation, b: Citation): boolean {
  return a.law === b.law && a.item === b.item && a.sub === b.sub && a.clause === b.clause;
}
