import type { Roadmap } from '@fdr/model';
import { ACTION_TITLE_MAX } from '@fdr/model';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { localDay } from '../checkins/dates.ts';
import { LocalizedText } from '../checkins/LocalizedText.tsx';
import { type BoardPerson, boardPeople } from '../comments/commentsApi.ts';
import { errorText } from '../errorText.ts';
import { format, formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { BilingualFields } from './BilingualFields.tsx';
import { type Action, type ActionState, createAction, updateAction } from './meetingApi.ts';
import { meetingStrings } from './meetingStrings.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { TargetSelect } from './TargetSelect.tsx';
import { parseTargetKey, targetLabel } from './targetLabel.ts';
import { useSaving } from './useSaving.ts';

const STATES: readonly ActionState[] = ['open', 'done', 'dropped'];

/**
 * The meeting's actions: who does what by when, about which card or item. The secretariat
 * assigns them and changes any state; an owner changes the state of their own.
 */
export function ActionsSection({
  boardId,
  meetingId,
  actions,
  roadmap,
  lang,
  manage,
  userId,
  onAction,
}: {
  boardId: string;
  meetingId: string;
  actions: readonly Action[];
  roadmap: Roadmap | null;
  lang: Lang;
  manage: boolean;
  userId: string | null;
  onAction: (action: Action) => void;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const setState = async (action: Action, state: ActionState) => {
    setError(null);
    try {
      const next = await updateAction(boardId, action.id, { state });
      onAction(next);
      setSaid(
        format(t.actionUpdated, {
          title: action.title[lang] || action.title.fr || action.title.en,
          state: t[`action${state}`],
        }),
      );
    } catch (caught) {
      setError(format(t.saveFailed, { message: errorText(caught, lang) }));
    }
  };
  return (
    <section className="fdr-card-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.actionsHeading}</h2>
      {actions.length === 0 && <p>{t.actionsNone}</p>}
      <ul className="fdr-actions">
        {actions.map((action) => {
          const title = action.title[lang] || action.title.fr || action.title.en;
          const mayChange = manage || (userId !== null && action.owner.id === userId);
          const about = action.target ? targetLabel(roadmap, action.target, lang) : null;
          return (
            <li
              key={action.id}
              className="fdr-action"
              data-testid="action"
              data-action-id={action.id}
              data-state={action.state}
            >
              <span className="fdr-action__text">
                <LocalizedText text={action.title} lang={lang} />
                <span className="fdr-hint">
                  {format(t.actionLine, {
                    owner: action.owner.name,
                    date: formatDate(action.dueOn, lang),
                  })}
                  {about && <> · {format(t.onTarget, { target: about })}</>}
                  {action.overdue && (
                    <>
                      {' '}
                      <span className="fdr-pill fdr-pill--overdue">{t.overdue}</span>
                    </>
                  )}
                </span>
              </span>
              {mayChange ? (
                <select
                  aria-label={format(t.actionState, { title })}
                  value={action.state}
                  onChange={(event) => void setState(action, event.target.value as ActionState)}
                  data-testid="action-state"
                >
                  {STATES.map((state) => (
                    <option key={state} value={state}>
                      {t[`action${state}`]}
                    </option>
                  ))}
                </select>
              ) : (
                <span className={`fdr-pill fdr-pill--${action.state}`}>
                  {t[`action${action.state}`]}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="fdr-error">
          {error}
        </p>
      )}
      <p className="fdr-sr-only" aria-live="polite">
        {said}
      </p>
      {manage && (
        <ActionForm
          boardId={boardId}
          meetingId={meetingId}
          roadmap={roadmap}
          lang={lang}
          onCreated={onAction}
        />
      )}
    </section>
  );
}

function ActionForm({
  boardId,
  meetingId,
  roadmap,
  lang,
  onCreated,
}: {
  boardId: string;
  meetingId: string;
  roadmap: Roadmap | null;
  lang: Lang;
  onCreated: (action: Action) => void;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  const [people, setPeople] = useState<BoardPerson[]>([]);
  const [fr, setFr] = useState('');
  const [en, setEn] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState(() => localDay(Date.now() + 14 * 86_400_000));
  const [target, setTarget] = useState('');
  const { busy, error, setError, done, setDone, save } = useSaving(lang);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    let live = true;
    boardPeople(boardId)
      // Observers read; they are never given an action.
      .then((list) => live && setPeople(list.filter((person) => person.role !== 'observer')))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [boardId]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (fr.trim() === '' && en.trim() === '') {
      setError(t.actionNeeded);
      first.current?.focus();
      return;
    }
    if (ownerId === '' || !/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) {
      setError(t.ownerNeeded);
      return;
    }
    await save(async () => {
      const action = await createAction(boardId, {
        title: { fr: fr.trim(), en: en.trim() },
        ownerId,
        dueOn,
        target: parseTargetKey(target),
        meetingId,
        decisionId: null,
      });
      onCreated(action);
      setFr('');
      setEn('');
      setTarget('');
      setDone(
        format(t.actionCreated, {
          title: action.title[lang] || action.title.fr || action.title.en,
        }),
      );
      first.current?.focus();
    });
  };
  return (
    <form
      className="fdr-meeting-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(event) => void submit(event)}
      data-testid="action-form"
      noValidate
    >
      <h3 id={`${id}-h`}>{t.newActionHeading}</h3>
      <div className="fdr-meeting-form__grid">
        <BilingualFields
          id={id}
          labelFr={t.actionTitleFr}
          labelEn={t.actionTitleEn}
          fr={fr}
          en={en}
          onFr={setFr}
          onEn={setEn}
          maxLength={ACTION_TITLE_MAX}
          testIdFr="action-title-fr"
          testIdEn="action-title-en"
          firstRef={first}
        />
        <div className="fdr-field">
          <label htmlFor={`${id}-owner`}>{t.owner}</label>
          <select
            id={`${id}-owner`}
            value={ownerId}
            onChange={(event) => setOwnerId(event.target.value)}
            data-testid="action-owner"
          >
            <option value="">{t.chooseOwner}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div className="fdr-field">
          <label htmlFor={`${id}-due`}>{t.due}</label>
          <input
            id={`${id}-due`}
            type="date"
            value={dueOn}
            onChange={(event) => setDueOn(event.target.value)}
            data-testid="action-due"
          />
        </div>
        <div className="fdr-field">
          <label htmlFor={`${id}-target`}>{t.target}</label>
          <TargetSelect
            id={`${id}-target`}
            roadmap={roadmap}
            lang={lang}
            value={target}
            onChange={setTarget}
            testId="action-target"
          />
        </div>
      </div>
      <button
        type="submit"
        className="fdr-button fdr-button--primary"
        disabled={busy}
        data-testid="action-create"
      >
        {t.createAction}
      </button>
      <SaveStatus error={error} done={done} />
    </form>
  );
}
