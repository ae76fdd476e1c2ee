import type { Roadmap } from '@fdr/model';
import { ENTRY_MINUTES_MAX, MEETING_AGENDA_MAX, MEETING_TITLE_MAX } from '@fdr/model';
import { type FormEvent, useId, useRef, useState } from 'react';
import { boardCheckins } from '../checkins/checkinApi.ts';
import { latestNamed } from '../checkins/sinceReport.ts';
import { errorText } from '../errorText.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { compareVersions, listVersions } from '../versions/versionApi.ts';
import { agendaProposals, type Proposal } from './agendaProposals.ts';
import { BilingualFields } from './BilingualFields.tsx';
import {
  type Action,
  type AgendaEntryInput,
  type Meeting,
  type MeetingTarget,
  updateMeeting,
} from './meetingApi.ts';
import { meetingStrings } from './meetingStrings.ts';
import { TargetSelect } from './TargetSelect.tsx';
import { parseTargetKey, targetKey, targetLabel, targetName } from './targetLabel.ts';
import { useSaving } from './useSaving.ts';

/** An entry being edited: `key` is stable across edits (a new entry has no server id yet). */
interface Draft extends AgendaEntryInput {
  key: string;
}

/** The order of the proposals' groups. */
const REASONS = ['at-risk', 'blocked', 'overdue', 'changed', 'action'] as const;

let nextKey = 0;
const draftOf = (entry: AgendaEntryInput): Draft => ({ ...entry, key: `d${nextKey++}` });

const entryTitle = (entry: AgendaEntryInput, lang: Lang) =>
  entry.title[lang].trim() || entry.title[lang === 'fr' ? 'en' : 'fr'];

const same = (a: readonly AgendaEntryInput[], b: readonly AgendaEntryInput[]) =>
  JSON.stringify(
    a.map(({ id, title, target, minutes, reason }) => [id, title, target, minutes, reason]),
  ) ===
  JSON.stringify(
    b.map(({ id, title, target, minutes, reason }) => [id, title, target, minutes, reason]),
  );

/**
 * The agenda of a meeting: its entries (reorder, remove, minutes), proposals from the board, a
 * hand-written entry, and one save for the whole list. Read-only for those who do not manage.
 */
export function AgendaEditor({
  boardId,
  meeting,
  roadmap,
  actions,
  lang,
  manage,
  onSaved,
  onDirty,
}: {
  boardId: string;
  meeting: Meeting;
  roadmap: Roadmap | null;
  actions: readonly Action[];
  lang: Lang;
  manage: boolean;
  onSaved: (meeting: Meeting) => void;
  onDirty: (dirty: boolean) => void;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  const [entries, setEntries] = useState<Draft[]>(() => meeting.agenda.map(draftOf));
  const [base, setBase] = useState(meeting.agenda);
  // A save elsewhere (live event) replaces the list unless this person is editing it; the same
  // list read again keeps the rows (and the focus in them).
  if (base !== meeting.agenda) {
    setBase(meeting.agenda);
    if (!same(meeting.agenda, base) && same(entries, base)) {
      setEntries(meeting.agenda.map(draftOf));
    }
  }
  const dirty = !same(entries, meeting.agenda);
  const [proposals, setProposals] = useState<Proposal[] | 'loading' | null>(null);
  // The named version the "changed" proposals are compared with.
  const [sinceVersion, setSinceVersion] = useState<string | null>(null);
  const { busy, error, setError, save: saving } = useSaving(lang);
  const [said, setSaid] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const change = (next: Draft[]) => {
    setEntries(next);
    onDirty(!same(next, meeting.agenda));
  };
  const labelOf = (target: MeetingTarget | null) =>
    target ? targetName(roadmap, target, lang) : '';

  const propose = async () => {
    if (proposals !== null) {
      setProposals(null);
      return;
    }
    setProposals('loading');
    try {
      const [log, versions] = await Promise.all([boardCheckins(boardId), listVersions(boardId)]);
      const named = latestNamed(versions);
      const compared = named ? await compareVersions(boardId, named.id, 'now') : null;
      setSinceVersion(named?.name ?? null);
      setProposals(
        agendaProposals({
          cards: log.cards,
          changes: compared?.changes ?? null,
          actions,
          roadmap,
          onAgenda: new Set(),
        }),
      );
    } catch (caught) {
      setProposals(null);
      setError(format(t.loadFailed, { message: errorText(caught, lang) }));
    }
  };

  const add = (entry: AgendaEntryInput) => {
    change([...entries, draftOf(entry)]);
    setSaid(format(t.entryAdded, { title: entryTitle(entry, lang) }));
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...entries];
    const [entry] = next.splice(index, 1);
    if (!entry) return;
    next.splice(index + by, 0, entry);
    change(next);
    setSaid(format(t.moved, { title: entryTitle(entry, lang), position: index + by + 1 }));
    // The pressed button may have gone (first or last): keep focus on the moved entry's row.
    requestAnimationFrame(() => {
      const row = list.current?.querySelector<HTMLElement>(`[data-key="${entry.key}"]`);
      const button = row?.querySelector<HTMLButtonElement>(
        by < 0 ? '[data-move="up"]:not(:disabled)' : '[data-move="down"]:not(:disabled)',
      );
      (button ?? row?.querySelector<HTMLElement>('input'))?.focus();
    });
  };
  const remove = (index: number) => {
    const entry = entries[index];
    if (!entry) return;
    change(entries.filter((_, i) => i !== index));
    setSaid(format(t.removed, { title: entryTitle(entry, lang) }));
    requestAnimationFrame(() => {
      const rows = list.current?.querySelectorAll<HTMLElement>('[data-key]');
      const next = rows?.[Math.min(index, (rows?.length ?? 1) - 1)];
      next?.querySelector<HTMLElement>('input')?.focus();
    });
  };
  const setMinutes = (index: number, value: string) => {
    const minutes = value === '' ? null : Math.round(Number(value));
    change(
      entries.map((entry, i) =>
        i === index ? { ...entry, minutes: Number.isFinite(minutes) ? minutes : null } : entry,
      ),
    );
  };
  const save = () =>
    saving(async () => {
      const saved = await updateMeeting(boardId, meeting.id, {
        agenda: entries.map(({ key: _key, ...entry }) => entry),
      });
      setBase(saved.agenda);
      setEntries(saved.agenda.map(draftOf));
      onDirty(false);
      onSaved(saved);
      setSaid(t.agendaSaved);
      // The save button is disabled now that nothing changed: the focus goes back to the agenda.
      heading.current?.focus();
    });

  const onAgenda = new Set(
    entries.flatMap((entry) => (entry.target ? [targetKey(entry.target)] : [])),
  );
  const full = entries.length >= MEETING_AGENDA_MAX;

  return (
    <section className="fdr-card-section fdr-agenda" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t.agendaHeading}
      </h2>
      {entries.length === 0 && <p>{t.agendaEmpty}</p>}
      <ol className="fdr-agenda__list" ref={list}>
        {entries.map((entry, index) => {
          const about = labelOf(entry.target);
          // An entry proposed from the board may have no title of its own: its target names it.
          const title = entryTitle(entry, lang) || about;
          const current = meeting.state === 'live' && entry.id === meeting.currentEntryId;
          return (
            <li
              key={entry.key}
              data-key={entry.key}
              className={`fdr-agenda__entry${current ? ' fdr-agenda__entry--current' : ''}`}
              data-testid="agenda-entry"
              data-entry-id={entry.id ?? ''}
              data-target={entry.target ? targetKey(entry.target) : ''}
              aria-current={current ? 'step' : undefined}
            >
              <span className="fdr-agenda__number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="fdr-agenda__text">
                <span className="fdr-agenda__title">{title}</span>
                {(about || entry.reason) && (
                  <span className="fdr-agenda__about">
                    {about && about !== title && <>{format(t.onTarget, { target: about })} </>}
                    {entry.reason && (
                      <span className="fdr-pill">{reasonText(entry.reason, lang)}</span>
                    )}
                  </span>
                )}
              </span>
              <span className="fdr-agenda__tools">
                {manage ? (
                  <label className="fdr-agenda__minutes">
                    <span aria-hidden="true">{t.minutes}</span>
                    <input
                      type="number"
                      min={1}
                      max={ENTRY_MINUTES_MAX}
                      inputMode="numeric"
                      value={entry.minutes ?? ''}
                      aria-label={format(t.minutesLabel, { title })}
                      onChange={(event) => setMinutes(index, event.target.value)}
                      data-testid="agenda-entry-minutes"
                    />
                  </label>
                ) : (
                  entry.minutes !== null && (
                    <span className="fdr-agenda__minutes-text" data-testid="agenda-entry-minutes">
                      {format(t.minutesShort, { count: entry.minutes })}
                    </span>
                  )
                )}
                {manage && (
                  <>
                    <button
                      type="button"
                      className="fdr-button fdr-button--icon"
                      aria-label={format(t.upLabel, { title })}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                      data-move="up"
                      data-testid="agenda-entry-up"
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="fdr-button fdr-button--icon"
                      aria-label={format(t.downLabel, { title })}
                      disabled={index === entries.length - 1}
                      onClick={() => move(index, 1)}
                      data-move="down"
                      data-testid="agenda-entry-down"
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button
                      type="button"
                      className="fdr-button"
                      aria-label={format(t.removeLabel, { title })}
                      onClick={() => remove(index)}
                      data-testid="agenda-entry-remove"
                    >
                      {t.remove}
                    </button>
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {manage && (
        <>
          <div className="fdr-agenda__save">
            <button
              type="button"
              className="fdr-button fdr-button--primary"
              disabled={!dirty || busy}
              onClick={() => void save()}
              data-testid="agenda-save"
            >
              {t.saveAgenda}
            </button>
            {dirty && <span className="fdr-hint">{t.unsaved}</span>}
          </div>
          <button
            type="button"
            className="fdr-button"
            aria-expanded={proposals !== null}
            aria-controls={`${id}-proposals`}
            onClick={() => void propose()}
            data-testid="agenda-propose"
          >
            {proposals === null ? t.propose : t.proposeHide}
          </button>
          <div id={`${id}-proposals`}>
            {proposals === 'loading' && <p role="status">{t.proposalsLoading}</p>}
            {Array.isArray(proposals) && (
              <section className="fdr-proposals" aria-labelledby={`${id}-ph`}>
                <h3 id={`${id}-ph`}>{t.proposalsHeading}</h3>
                {proposals.length === 0 && <p>{t.proposalsNone}</p>}
                {REASONS.map((reason) => {
                  const group = { proposals: proposals.filter((p) => p.reason === reason) };
                  if (group.proposals.length === 0) return null;
                  return (
                    <div key={reason}>
                      <h4>
                        {format(t.proposalGroup, {
                          reason:
                            reason === 'changed' && sinceVersion
                              ? format(t.reasonchanged, { version: sinceVersion })
                              : reasonText(reason, lang),
                          count: group.proposals.length,
                        })}
                      </h4>
                      <ul>
                        {group.proposals.map((proposal) => {
                          const title = entryTitle({ ...proposal, minutes: null }, lang);
                          const key = proposal.target ? targetKey(proposal.target) : '';
                          const already = key !== '' && onAgenda.has(key);
                          return (
                            <li
                              key={`${proposal.reason}|${key}|${title}`}
                              className="fdr-proposals__item"
                              data-testid="agenda-proposal"
                              data-target={key}
                              data-reason={proposal.reason}
                            >
                              <span className="fdr-agenda__title">{title}</span>
                              <button
                                type="button"
                                className="fdr-button"
                                aria-label={format(already ? t.addedLabel : t.addLabel, { title })}
                                disabled={already || full}
                                onClick={() => add({ ...proposal, minutes: null })}
                                data-testid="agenda-proposal-add"
                              >
                                {already ? t.added : t.add}
                              </button>
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  );
                })}
              </section>
            )}
          </div>
          <AddEntryForm roadmap={roadmap} lang={lang} disabled={full} onAdd={add} />
        </>
      )}
      {error && (
        <p role="alert" className="fdr-error">
          {error}
        </p>
      )}
      <p className="fdr-sr-only" aria-live="polite">
        {said}
      </p>
    </section>
  );
}

export function reasonText(reason: Exclude<Proposal['reason'], null>, lang: Lang): string {
  const t = meetingStrings[lang];
  return reason === 'changed' ? t.reasonchangedShort : t[`reason${reason}`];
}

function AddEntryForm({
  roadmap,
  lang,
  disabled,
  onAdd,
}: {
  roadmap: Roadmap | null;
  lang: Lang;
  disabled: boolean;
  onAdd: (entry: AgendaEntryInput) => void;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  const [fr, setFr] = useState('');
  const [en, setEn] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = parseTargetKey(target);
    // With no title, the target's name is the entry's title.
    const name = chosen ? (targetLabel(roadmap, chosen, lang) ?? '') : '';
    const title =
      fr.trim() === '' && en.trim() === ''
        ? { fr: name, en: name }
        : { fr: fr.trim(), en: en.trim() };
    if (title.fr === '' && title.en === '') {
      setError(t.titleNeeded);
      first.current?.focus();
      return;
    }
    setError(null);
    onAdd({ title, target: chosen, minutes: null, reason: null });
    setFr('');
    setEn('');
    setTarget('');
    first.current?.focus();
  };
  return (
    <form
      className="fdr-meeting-form"
      aria-labelledby={`${id}-h`}
      onSubmit={submit}
      data-testid="agenda-add-form"
      noValidate
    >
      <h3 id={`${id}-h`}>{t.addEntryHeading}</h3>
      <div className="fdr-meeting-form__grid">
        <BilingualFields
          id={id}
          labelFr={t.entryTitleFr}
          labelEn={t.entryTitleEn}
          fr={fr}
          en={en}
          onFr={setFr}
          onEn={setEn}
          maxLength={MEETING_TITLE_MAX}
          testIdFr="agenda-add-title-fr"
          testIdEn="agenda-add-title-en"
          firstRef={first}
        />
        <div className="fdr-field">
          <label htmlFor={`${id}-target`}>{t.target}</label>
          <TargetSelect
            id={`${id}-target`}
            roadmap={roadmap}
            lang={lang}
            value={target}
            onChange={setTarget}
            withDomains
            testId="agenda-add-target"
          />
        </div>
      </div>
      <button type="submit" className="fdr-button" disabled={disabled} data-testid="agenda-add">
        {t.addEntry}
      </button>
      {error && (
        <p role="alert" className="fdr-error">
          {error}
        </p>
      )}
    </form>
  );
}
