// The result sheet, to print or save as PDF with the browser (print CSS in styles.css, no PDF
// library): the answers, every category with its conditions ✓ / ✗ / ?, citations, periods and
// routes, the document checklist, the as-of date, the rules version and the date printed. One
// language, or two side by side (each block with its own `lang`): the law's own (Japanese) and the
// reader's, or for a reader of the law's language the default one (English), so that a
// Japanese-reading scrivener and an English-reading client read the same sheet. This page holds
// the controls (languages, reference, what to include, print); the sheet itself is in sheet/.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { screenFor } from '../state/journey';
import { documentChecklist } from '../../present';
import { useApp } from '../context';
import { DetailsStatus, useDetails } from '../rule-details';
import type { Lang } from '../i18n';
import { LAW_LANG, partnerOf } from '../../present/languages';
import { usePageTitle } from '../usePageTitle';
import { Link } from '../components/Link';
import { readItem, writeItem } from '../state/storage';
import { Sheet } from './sheet/Sheet';
import type { Col } from './sheet/columns';

/**
 * The sheet's reference (a client's name or file number): kept in the tab's session storage with
 * the answers (cleared with them, and by "Exit this page"), never put in a share link or in the
 * exported answers file, which may travel further than the printed sheet.
 */
export const REFERENCE_KEY = 'teiju.reference';
const REFERENCE_MAX = 80;

export function SheetPage({ both: bothAtStart }: { both?: boolean | undefined }) {
  const { t, i18n } = useTranslation();
  const { ruleSet, journey, asOf, lang, storage } = useApp();
  usePageTitle(t('ui.sheet.heading'));
  // The language shown beside the current one (locales/languages.json): the law's, or the default.
  const other: Lang = partnerOf(lang);
  const [both, setBoth] = useState(!!bothAtStart);
  const [withNotEligible, setWithNotEligible] = useState(false);
  const [reference, setReference] = useState(() => readItem(storage, REFERENCE_KEY) ?? '');
  const changeReference = (v: string) => {
    setReference(v);
    writeItem(storage, REFERENCE_KEY, v.trim() ? v : undefined);
  };
  // Every category's texts, in the language shown (rule-details.tsx), and in the other language when
  // both are chosen (a failed load is tried again when they are chosen again).
  const texts = useDetails(lang);
  const otherTexts = useDetails(other, both);
  const choose = setBoth;

  const showBoth = both && otherTexts === 'ready';
  // The law's language (Japanese) on the left, the other on the right, whatever the interface language.
  const cols: Col[] = useMemo(
    () =>
      showBoth
        ? (lang === LAW_LANG ? [lang, other] : [other, lang]).map((l) => ({ lang: l, t: i18n.getFixedT(l) }))
        : [{ lang, t }],
    [showBoth, i18n, lang, t, other],
  );

  const screening = screenFor(ruleSet, journey.answers, asOf);
  const print = () => window.print();

  return (
    <>
      <div className="sheet-controls no-print">
        <Link to={{ page: 'results' }} className="back-link">
          {t('ui.sheet.controls.back')}
        </Link>
        <h1 className="heading-l" tabIndex={-1}>
          {t('ui.sheet.heading')}
        </h1>
        <div className="form-group">
          <fieldset className="fieldset">
            <legend className="fieldset__legend heading-s">{t('ui.sheet.controls.legend')}</legend>
            <div className="radios radios--small">
              {([false, true] as const).map((b) => (
                <div className="radios__item" key={String(b)}>
                  <input
                    className="radios__input"
                    type="radio"
                    name="sheet-langs"
                    id={`sheet-langs-${b ? 'both' : 'one'}`}
                    checked={both === b}
                    onChange={() => choose(b)}
                  />
                  <label className="radios__label" htmlFor={`sheet-langs-${b ? 'both' : 'one'}`}>
                    {t(b ? 'ui.sheet.controls.both' : 'ui.sheet.controls.one')}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="form-group">
          <label className="label heading-s" htmlFor="sheet-reference">
            {t('ui.sheet.controls.reference')}
          </label>
          <p className="hint" id="sheet-reference-hint">
            {t('ui.sheet.controls.referenceHint')}
          </p>
          <input
            className="input sheet-reference"
            type="text"
            id="sheet-reference"
            aria-describedby="sheet-reference-hint"
            autoComplete="off"
            maxLength={REFERENCE_MAX}
            value={reference}
            onChange={(e) => changeReference(e.target.value)}
          />
        </div>
        <div className="checkboxes">
          <div className="checkboxes__item">
            <input
              className="checkboxes__input"
              type="checkbox"
              id="sheet-not-eligible"
              checked={withNotEligible}
              onChange={(e) => setWithNotEligible(e.target.checked)}
            />
            <label className="checkboxes__label" htmlFor="sheet-not-eligible">
              {t('ui.sheet.controls.notEligible')}
            </label>
          </div>
        </div>
        <p className="sheet-controls__status" role="status">
          {both && otherTexts === 'loading'
            ? t('ui.sheet.controls.loading')
            : both && otherTexts === 'failed'
              ? t('ui.sheet.controls.loadFailed')
              : ''}
        </p>
        <button type="button" className="button" onClick={print} disabled={texts !== 'ready' || (both && !showBoth)}>
          {t('ui.sheet.controls.print')}
        </button>
        <p className="hint">{t('ui.sheet.controls.printHint')}</p>
      </div>

      {texts === 'ready' ? (
        <SheetWithChecklist
          cols={cols}
          screening={screening}
          withNotEligible={withNotEligible}
          reference={reference.trim()}
        />
      ) : (
        <DetailsStatus state={texts} />
      )}
    </>
  );
}

/** The sheet, once its texts are there: the checklist's documents are told apart by their texts. */
function SheetWithChecklist(props: Omit<Parameters<typeof Sheet>[0], 'checklist'>) {
  const { t } = useTranslation();
  const { ruleSet } = useApp();
  // The languages' texts agree on which documents are the same (tests/present/checklist.test.ts).
  const checklist = useMemo(() => documentChecklist(ruleSet, props.screening, [t]), [ruleSet, props.screening, t]);
  return <Sheet {...props} checklist={checklist} />;
}
