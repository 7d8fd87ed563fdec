import { useTranslation } from 'react-i18next';

export type NoticeState = { nav: number } & (
  { kind: 'cleared' } | { kind: 'refused' } | { kind: 'migrated'; kept: number; dropped: number }
);

/** A message about the stored journey (cleared, migrated to new rules, or refused). */
export function Notice({ notice }: { notice: NoticeState }) {
  const { t } = useTranslation();
  const refused = notice.kind === 'refused';
  return (
    <div
      className={`notice ${refused ? 'notice--warning' : 'notice--success'}`}
      role={refused ? 'alert' : 'status'}
      aria-labelledby="notice-title"
    >
      <h2 className="notice__title" id="notice-title">
        {t(`ui.notice.${notice.kind}.title`)}
      </h2>
      <p className="notice__body">
        {notice.kind === 'migrated'
          ? t('ui.notice.migrated.body', { kept: notice.kept, dropped: notice.dropped, count: notice.dropped })
          : t(`ui.notice.${notice.kind}.body`)}
      </p>
    </div>
  );
}
