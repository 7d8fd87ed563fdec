import { useTranslation } from 'react-i18next';
import type { LoadNotice } from '../state/storage';

export type NoticeState = { nav: number } & ({ kind: 'cleared' } | LoadNotice);

/**
 * A message about the stored journey: cleared, refused as a whole, or restored in part (saved
 * under older rules, or with answers that did not validate), naming the questions whose answers
 * were removed once their texts are loaded.
 */
export function Notice({ notice }: { notice: NoticeState }) {
  const { t, i18n } = useTranslation();
  const warning = notice.kind === 'refused' || notice.kind === 'damaged';
  const partial = notice.kind === 'migrated' || notice.kind === 'damaged';
  const questions = partial
    ? notice.facts.filter((f) => i18n.exists(`facts.${f}.question`)).map((f) => t(`facts.${f}.question`))
    : [];
  return (
    <div
      className={`notice ${warning ? 'notice--warning' : 'notice--success'}`}
      role={warning ? 'alert' : 'status'}
      aria-labelledby="notice-title"
      data-notice={notice.kind}
    >
      <h2 className="notice__title" id="notice-title">
        {t(`ui.notice.${notice.kind}.title`)}
      </h2>
      <p className="notice__body">
        {partial
          ? t(`ui.notice.${notice.kind}.body`, { kept: notice.kept, dropped: notice.dropped, count: notice.dropped })
          : t(`ui.notice.${notice.kind}.body`)}
      </p>
      {questions.length > 0 && (
        <>
          <p className="notice__body">{t('ui.notice.removedQuestions', { count: questions.length })}</p>
          <ul className="list list--bullet">
            {questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
