import './record.css';
import { localize } from '@fdr/model';
import { useCallback, useEffect, useId, useState } from 'react';
import { boardCards } from '../account/accountApi.ts';
import { localDay } from '../checkins/dates.ts';
import { errorText } from '../errorText.ts';
import { format, formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import { boardPath } from '../router.ts';
import { subscribeLive } from '../sync/liveEvents.ts';
import { isOverdue, sortActions } from './actionOrder.ts';
import { actionStateLabel } from './actionStateLabel.ts';
import { BothLanguages } from './BothLanguages.tsx';
import { type Action, type ActionState, myActions, updateAction } from './meetingApi.ts';
import { recordStrings } from './recordStrings.ts';
import { type TargetNames, targetLabel, targetName } from './targetNames.ts';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; actions: Action[] };

/** Names of the cards and domains of the boards the actions are on (items are named by kind). */
async function namesOf(actions: readonly Action[]): Promise<TargetNames> {
  const boards = [...new Set(actions.filter((a) => a.target).map((a) => a.boardId))];
  const names = new Map<string, { fr: string; en: string }>();
  const found = await Promise.allSettled(boards.map((boardId) => boardCards(boardId)));
  for (const result of found) {
    if (result.status !== 'fulfilled') continue;
    for (const card of result.value.cards) names.set(`card:${card.id}`, card.title);
    for (const domain of result.value.domains) names.set(`domain:${domain.id}`, domain.label);
  }
  return names;
}

/**
 * "My actions" on `/me`: the caller's actions on every board, open ones first and overdue ones
 * said in words; the owner marks one done (or reopens it) here. Live: an action assigned or
 * changed in a meeting shows without reloading.
 */
export function MyActions({ lang }: { lang: Lang }) {
  const t = recordStrings[lang];
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [names, setNames] = useState<TargetNames>(() => new Map());
  const [message, setMessage] = useState('');

  const load = useCallback(() => {
    myActions()
      .then((actions) => {
        setLoaded({ kind: 'ready', actions });
        namesOf(actions)
          .then(setNames)
          .catch(() => {});
      })
      .catch((error) => setLoaded({ kind: 'error', message: errorText(error, lang) }));
  }, [lang]);

  useEffect(() => {
    load();
    const off = subscribeLive('meetings', () => load());
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      off();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);

  const replace = (changed: Action) => {
    setLoaded((current) =>
      current.kind === 'ready'
        ? {
            kind: 'ready',
            actions: current.actions.map((a) =>
              a.id === changed.id
                ? {
                    ...changed,
                    boardTitle: changed.boardTitle ?? a.boardTitle,
                    overdue: isOverdue(changed, localDay(Date.now())),
                  }
                : a,
            ),
          }
        : current,
    );
  };

  const actions = loaded.kind === 'ready' ? sortActions(loaded.actions) : [];
  return (
    <section
      className="fdr-myteams__board fdr-my-actions"
      aria-labelledby={`${id}-h`}
      data-testid="my-actions"
    >
      <h2 id={`${id}-h`}>{t.myActionsTitle}</h2>
      <p className="fdr-hint">{t.myActionsIntro}</p>
      <div aria-live="polite">
        {loaded.kind === 'loading' && <p>{t.myActionsLoading}</p>}
        {loaded.kind === 'error' && (
          <div role="alert">
            <p className="fdr-error">{format(t.myActionsFailed, { message: loaded.message })}</p>
            <button type="button" className="fdr-button" onClick={load}>
              {t.retry}
            </button>
          </div>
        )}
        {loaded.kind === 'ready' && actions.length === 0 && (
          <p className="fdr-empty">{t.myActionsNone}</p>
        )}
      </div>
      <p role="status" className="fdr-hint" data-testid="my-actions-message">
        {message}
      </p>
      {actions.length > 0 && (
        <ul className="fdr-record__list">
          {actions.map((action) => (
            <MyActionRow
              key={action.id}
              action={action}
              names={names}
              lang={lang}
              onChanged={(changed, text) => {
                replace(changed);
                setMessage(text);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function MyActionRow({
  action,
  names,
  lang,
  onChanged,
}: {
  action: Action;
  names: TargetNames;
  lang: Lang;
  onChanged: (action: Action, message: string) => void;
}) {
  const t = recordStrings[lang];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const title = localize(action.title, lang);
  const board = action.boardTitle ? localize(action.boardTitle, lang) : action.boardId;
  const next: ActionState = action.state === 'open' ? 'done' : 'open';

  const change = async () => {
    setBusy(true);
    setError('');
    try {
      const changed = await updateAction(action.boardId, action.id, { state: next });
      onChanged(changed, format(next === 'done' ? t.markedDone : t.reopened, { title }));
    } catch (failure) {
      setError(format(t.updateFailed, { message: errorText(failure, lang) }));
    } finally {
      setBusy(false);
    }
  };

  const target = action.target;
  const targetHref = target
    ? target.kind === 'domain'
      ? boardPath(action.boardId)
      : `${boardPath(action.boardId)}?${target.kind}=${encodeURIComponent(target.id)}`
    : boardPath(action.boardId);
  return (
    <li
      className="fdr-action-row"
      data-testid="my-action"
      data-action-id={action.id}
      data-state={action.state}
    >
      <div className="fdr-action-row__body">
        <p className="fdr-record__text fdr-action-row__title">
          <BothLanguages text={action.title} lang={lang} />
        </p>
        <p className="fdr-record__meta">
          {format(t.onBoard, { board })}
          {target && ` · ${targetLabel(target, names, lang)}`}
        </p>
        <p className="fdr-record__meta">
          {format(t.actionDue, { date: formatDate(action.dueOn, lang) })}
          {' · '}
          {format(t.actionState, { state: actionStateLabel(action.state, lang) })}
          {action.overdue && action.state === 'open' && (
            <>
              {' · '}
              <strong className="fdr-overdue-mark" data-testid="my-action-overdue">
                <span aria-hidden="true">⚠ </span>
                {t.actionOverdue}
              </strong>
            </>
          )}
        </p>
        <p className="fdr-record__meta">
          <Link
            href={targetHref}
            aria-label={
              target
                ? format(t.openTargetLabel, { name: targetName(target, names, lang) })
                : undefined
            }
          >
            {target ? t.openTarget : t.openBoard}
          </Link>
        </p>
        {error && (
          <p role="alert" className="fdr-error">
            {error}
          </p>
        )}
      </div>
      {
        <button
          type="button"
          className={`fdr-button ${next === 'done' ? 'fdr-button--primary' : 'fdr-button--quiet'}`}
          disabled={busy}
          aria-label={format(next === 'done' ? t.markDoneLabel : t.reopenLabel, { title })}
          onClick={() => void change()}
          data-testid={next === 'done' ? 'my-action-done' : 'my-action-reopen'}
        >
          {next === 'done' ? t.markDone : t.reopen}
        </button>
      }
    </li>
  );
}
