import './record.css';
import { useCallback, useEffect, useId, useState } from 'react';
import { errorText } from '../errorText.ts';
import { format, formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { subscribeLive } from '../sync/liveEvents.ts';
import { overdueActions } from './actionOrder.ts';
import { BothLanguages } from './BothLanguages.tsx';
import { type Action, listActions } from './meetingApi.ts';
import { recordStrings } from './recordStrings.ts';
import { targetLabel } from './targetNames.ts';
import { useTargetNames } from './useTargetNames.ts';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; actions: Action[] };

/** The status page's "Overdue actions": open actions past their due date, the oldest first. */
export function OverdueActions({ boardId, lang }: { boardId: string; lang: Lang }) {
  const t = recordStrings[lang];
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const names = useTargetNames(boardId);
  const load = useCallback(() => {
    listActions(boardId)
      .then((actions) => setLoaded({ kind: 'ready', actions: overdueActions(actions) }))
      .catch((error) => setLoaded({ kind: 'error', message: errorText(error, lang) }));
  }, [boardId, lang]);
  useEffect(() => {
    load();
    return subscribeLive('meetings', (data) => {
      if (data.boardId === boardId) load();
    });
  }, [boardId, load]);

  return (
    <section
      className="fdr-card-section fdr-overdue-actions"
      aria-labelledby={`${id}-h`}
      data-testid="overdue-actions"
    >
      <h2 id={`${id}-h`}>
        {t.overdueActionsTitle}
        {loaded.kind === 'ready' && ` (${loaded.actions.length})`}
      </h2>
      <p className="fdr-hint">{t.overdueActionsIntro}</p>
      <div aria-live="polite">
        {loaded.kind === 'error' && (
          <p role="alert" className="fdr-error">
            {format(t.overdueActionsFailed, { message: loaded.message })}
          </p>
        )}
        {loaded.kind === 'ready' && loaded.actions.length === 0 && (
          <p data-testid="overdue-actions-none">{t.overdueActionsNone}</p>
        )}
      </div>
      {loaded.kind === 'ready' && loaded.actions.length > 0 && (
        <table className="fdr-table">
          <caption className="fdr-sr-only">{t.overdueActionsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colAction}</th>
              <th scope="col">{t.colOwner}</th>
              <th scope="col">{t.colDue}</th>
              <th scope="col">{t.colTarget}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.actions.map((action) => (
              <tr key={action.id} data-testid="overdue-action" data-action-id={action.id}>
                <th scope="row">
                  <BothLanguages text={action.title} lang={lang} />
                </th>
                <td data-label={t.colOwner}>{action.owner.name}</td>
                <td data-label={t.colDue}>
                  {formatDate(action.dueOn, lang)}{' '}
                  <strong className="fdr-overdue-mark">
                    <span aria-hidden="true">⚠ </span>
                    {t.actionOverdue}
                  </strong>
                </td>
                <td data-label={t.colTarget}>
                  {action.target ? targetLabel(action.target, names, lang) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
