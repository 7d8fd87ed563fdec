import type { Rule } from '../../engine/types';
import type { Translate } from '../../present';
import { Paragraphs } from './Paragraphs';

/**
 * A category's guidance from its rule file: what to do next, the notes, and what the screener
 * cannot check. Shared by the results page and the sheet (each passes its own `t`: the sheet
 * prints two languages side by side). Every rule has a summary and next steps (the rules
 * compiler requires both texts).
 */
export function RuleGuidance({
  id,
  rule,
  t,
  labelClass,
}: {
  id: string;
  rule: Rule | undefined;
  t: Translate;
  labelClass: string;
}) {
  const lists = [
    ['notes', rule?.notes ?? []],
    ['cannotCheck', rule?.cannotCheck ?? []],
  ] as const;
  return (
    <>
      <h4 className={labelClass}>{t('ui.results.next')}</h4>
      <Paragraphs text={t(`rules.${id}.next`)} glossId={`next:${id}`} />
      {lists.map(
        ([kind, keys]) =>
          keys.length > 0 && (
            <div key={kind}>
              <h4 className={labelClass}>{t(`ui.results.${kind}`)}</h4>
              <ul className="list list--bullet">
                {keys.map((k) => (
                  <li key={k}>{t(`rules.${id}.${kind}.${k}`)}</li>
                ))}
              </ul>
            </div>
          ),
      )}
    </>
  );
}
