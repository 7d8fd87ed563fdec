// Year, month and day fields (西暦), as the date questions and the scrivener's as-of date show
// them: controlled by react-hook-form (a Controller gives the value and onChange), with the
// fields in error marked. Full-width digits are accepted as typed; the check reads them as ASCII.
import { useTranslation } from 'react-i18next';
import { DATE_PARTS, type DateFields, type DatePart } from '../forms/date-fields';

interface Props {
  /** The fields' ids are `${id}-year`, `${id}-month` and `${id}-day`. */
  id: string;
  value: DateFields;
  onChange: (value: DateFields) => void;
  onBlur?: () => void;
  /** The parts to mark as in error. */
  bad: DatePart[];
  /** A date of birth: the browser may offer to fill it in. */
  birthday?: boolean;
}

export function DateInput({ id, value, onChange, onBlur, bad, birthday = false }: Props) {
  const { t } = useTranslation();
  return (
    <div className="date-input">
      {DATE_PARTS.map((p) => (
        <div className="date-input__item" key={p}>
          <label className="date-input__label" htmlFor={`${id}-${p}`}>
            {t(`ui.date.${p}`)}
          </label>
          <input
            className={`input date-input__input date-input__input--${p}${bad.includes(p) ? ' input--error' : ''}`}
            id={`${id}-${p}`}
            name={`${id}-${p}`}
            type="text"
            inputMode="numeric"
            autoComplete={birthday ? `bday-${p}` : 'off'}
            spellCheck={false}
            maxLength={p === 'year' ? 4 : 2}
            aria-invalid={bad.includes(p) ? true : undefined}
            value={value[p]}
            onChange={(e) => onChange({ ...value, [p]: e.target.value })}
            onBlur={onBlur}
          />
        </div>
      ))}
    </div>
  );
}
