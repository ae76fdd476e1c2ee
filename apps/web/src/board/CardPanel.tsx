import {
  archiveCard,
  CARD_STATES,
  CARD_TITLE_MAX,
  type CardState,
  createCard,
  type Localized,
  localize,
  moveCard,
  NAME_MAX,
  ROLES,
  type Roadmap,
  type RoadmapCard,
  type Role,
  type UpdateCardInput,
  updateCard,
} from '@fdr/model';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { CheckinForm } from '../checkins/CheckinForm.tsx';
import { CheckinHistory } from '../checkins/CheckinHistory.tsx';
import { formatTime } from '../checkins/dates.ts';
import { checkinStrings } from '../i18n/checkinStrings.ts';
import { format, formatDate } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { roleLabel, stateLabel, statusLabel } from './CardShapeUtil.tsx';
import { CellPicker } from './CellPicker.tsx';

export type PanelMode =
  | { kind: 'edit'; cardId: string }
  | { kind: 'create'; domainId: string; phaseId: string };

/** Runs a model command as this user; false when the model refused it (already reported). */
export type RunCommand = (command: (doc: Y.Doc, origin: unknown) => void) => boolean;

interface Draft {
  titleFr: string;
  titleEn: string;
  role: Role;
  state: CardState;
  periodIds: string[];
  mandateFr: string;
  mandateEn: string;
  deliverablesFr: string;
  deliverablesEn: string;
  lead: string;
  members: string;
  formedFromFr: string;
  formedFromEn: string;
  domainId: string;
  phaseId: string;
}

export function draftOf(card: RoadmapCard): Draft {
  return {
    titleFr: card.title.fr,
    titleEn: card.title.en,
    role: card.role,
    state: card.state,
    periodIds: [...card.periodIds],
    mandateFr: card.mandate.fr,
    mandateEn: card.mandate.en,
    deliverablesFr: card.deliverables.fr,
    deliverablesEn: card.deliverables.en,
    lead: card.leadJurisdiction ?? '',
    members: card.members.join('\n'),
    formedFromFr: card.formedFrom.map((g) => g.fr).join('\n'),
    formedFromEn: card.formedFrom.map((g) => g.en).join('\n'),
    domainId: card.domainId,
    phaseId: card.phaseId,
  };
}

function emptyDraft(domainId: string, phaseId: string): Draft {
  return {
    titleFr: '',
    titleEn: '',
    role: 'In',
    state: 'new',
    periodIds: [],
    mandateFr: '',
    mandateEn: '',
    deliverablesFr: '',
    deliverablesEn: '',
    lead: '',
    members: '',
    formedFromFr: '',
    formedFromEn: '',
    domainId,
    phaseId,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Line n of the French list goes with line n of the English one. */
function formedFrom(draft: Draft): Localized[] {
  const fr = draft.formedFromFr.split('\n').map((l) => l.trim());
  const en = draft.formedFromEn.split('\n').map((l) => l.trim());
  const result: Localized[] = [];
  for (let i = 0; i < Math.max(fr.length, en.length); i++) {
    const group = { fr: fr[i] ?? '', en: en[i] ?? '' };
    if (group.fr !== '' || group.en !== '') result.push(group);
  }
  return result;
}

/**
 * The fields of the draft that differ from what the panel opened with. Only those are written, so
 * a peer's concurrent edit of another field (or of the other language) is kept.
 */
export function changedFields(initial: Draft, draft: Draft): Omit<UpdateCardInput, 'id'> {
  const patch: {
    -readonly [K in keyof Omit<UpdateCardInput, 'id'>]: Omit<UpdateCardInput, 'id'>[K];
  } = {};
  const text = (fr: keyof Draft, en: keyof Draft): Partial<Localized> | undefined => {
    const value: { fr?: string; en?: string } = {};
    const changed = (key: keyof Draft) => String(draft[key]).trim() !== String(initial[key]).trim();
    if (changed(fr)) value.fr = String(draft[fr]).trim();
    if (changed(en)) value.en = String(draft[en]).trim();
    return Object.keys(value).length > 0 ? value : undefined;
  };
  const title = text('titleFr', 'titleEn');
  if (title) patch.title = title;
  const mandate = text('mandateFr', 'mandateEn');
  if (mandate) patch.mandate = mandate;
  const deliverables = text('deliverablesFr', 'deliverablesEn');
  if (deliverables) patch.deliverables = deliverables;
  if (draft.role !== initial.role) patch.role = draft.role;
  if (draft.state !== initial.state) patch.state = draft.state;
  if (draft.lead.trim() !== initial.lead.trim()) patch.leadJurisdiction = draft.lead.trim() || null;
  if (lines(draft.members).join('\n') !== lines(initial.members).join('\n')) {
    patch.members = lines(draft.members);
  }
  if (draft.formedFromFr !== initial.formedFromFr || draft.formedFromEn !== initial.formedFromEn) {
    patch.formedFrom = formedFrom(draft);
  }
  if (draft.periodIds.join() !== initial.periodIds.join() || draft.phaseId !== initial.phaseId) {
    patch.periodIds = draft.periodIds;
  }
  return patch;
}

/**
 * The side panel of a card: every field, French and English side by side; also creates cards
 * and archives them. Opened with Enter or a double-click on a card.
 */
export function CardPanel({
  mode,
  roadmap,
  lang,
  run,
  onClose,
  onDone,
  boardId,
  canCheckIn = false,
}: {
  mode: PanelMode;
  roadmap: Roadmap;
  lang: Lang;
  run: RunCommand;
  onClose: () => void;
  onDone: (cardId: string | null, message: string) => void;
  /** For recording check-ins (over REST, like the "My task teams" page). */
  boardId?: string;
  /** Whether this person may record a check-in for the card (the server checks again). */
  canCheckIn?: boolean;
}) {
  const t = strings[lang];
  const id = useId();
  const card = mode.kind === 'edit' ? roadmap.cards.find((c) => c.id === mode.cardId) : undefined;
  const [initial] = useState<Draft>(() =>
    card
      ? draftOf(card)
      : emptyDraft(
          mode.kind === 'create' ? mode.domainId : '',
          mode.kind === 'create' ? mode.phaseId : '',
        ),
  );
  const [draft, setDraft] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  if (mode.kind === 'edit' && (!card || card.archived)) {
    return (
      <aside className="fdr-panel" aria-label={t.cardPanel}>
        <p>{t.boardNotFound}</p>
        <button type="button" className="fdr-button" onClick={onClose}>
          {t.close}
        </button>
      </aside>
    );
  }

  const phase = roadmap.phases.find((p) => p.id === draft.phaseId);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const heading =
    mode.kind === 'create' ? t.newCard : localize({ fr: draft.titleFr, en: draft.titleEn }, lang);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.titleFr.trim() === '' && draft.titleEn.trim() === '') {
      setError(t.titleRequired);
      return;
    }
    setError(null);
    if (mode.kind === 'create') {
      let created = '';
      const ok = run((doc, origin) => {
        created = createCard(
          doc,
          {
            title: { fr: draft.titleFr.trim(), en: draft.titleEn.trim() },
            role: draft.role,
            state: draft.state,
            domainId: draft.domainId,
            phaseId: draft.phaseId,
            periodIds: draft.periodIds,
            mandate: { fr: draft.mandateFr.trim(), en: draft.mandateEn.trim() },
            deliverables: { fr: draft.deliverablesFr.trim(), en: draft.deliverablesEn.trim() },
            leadJurisdiction: draft.lead.trim() || null,
            members: lines(draft.members),
            formedFrom: formedFrom(draft),
          },
          origin,
        );
      });
      if (ok) onDone(created, t.created);
      return;
    }
    const cardId = mode.cardId;
    const moved = draft.domainId !== initial.domainId || draft.phaseId !== initial.phaseId;
    const patch = changedFields(initial, draft);
    // One transaction: the move and the edits are one undo step.
    const ok = run((doc, origin) => {
      if (moved)
        moveCard(doc, { id: cardId, domainId: draft.domainId, phaseId: draft.phaseId }, origin);
      if (Object.keys(patch).length > 0) updateCard(doc, { id: cardId, ...patch }, origin);
    });
    if (ok) onDone(cardId, t.saved);
  };

  const archive = () => {
    if (mode.kind !== 'edit') return;
    if (!window.confirm(t.archiveConfirm)) return;
    if (run((doc, origin) => archiveCard(doc, { id: mode.cardId }, origin)))
      onDone(null, t.archived);
  };

  return (
    <aside
      className="fdr-panel"
      aria-labelledby={`${id}-heading`}
      data-testid="card-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="fdr-panel__head">
        <h2 id={`${id}-heading`}>
          <span className="fdr-panel__kind">{t.cardPanel} · </span>
          {heading || t.newCard}
        </h2>
        <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <form onSubmit={submit} className="fdr-panel__form">
        <Bilingual legend={t.fieldTitle} lang={lang}>
          <input
            ref={first}
            lang="fr"
            maxLength={CARD_TITLE_MAX}
            value={draft.titleFr}
            onChange={(e) => set('titleFr', e.target.value)}
            aria-label={`${t.fieldTitle} — ${t.french}`}
            data-testid="title-fr"
          />
          <input
            lang="en"
            maxLength={CARD_TITLE_MAX}
            value={draft.titleEn}
            onChange={(e) => set('titleEn', e.target.value)}
            aria-label={`${t.fieldTitle} — ${t.english}`}
            data-testid="title-en"
          />
        </Bilingual>

        <div className="fdr-two-columns">
          <div className="fdr-field">
            <label htmlFor={`${id}-role`}>{t.fieldRole}</label>
            <select
              id={`${id}-role`}
              value={draft.role}
              onChange={(e) => set('role', e.target.value as Role)}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role} — {roleLabel(role, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="fdr-field">
            <label htmlFor={`${id}-state`}>{t.fieldState}</label>
            <select
              id={`${id}-state`}
              value={draft.state}
              onChange={(e) => set('state', e.target.value as CardState)}
            >
              {CARD_STATES.map((state) => (
                <option key={state} value={state}>
                  {stateLabel(state, lang)}
                </option>
              ))}
            </select>
          </div>
        </div>

        <div className="fdr-two-columns">
          <CellPicker
            roadmap={roadmap}
            lang={lang}
            id={id}
            domainId={draft.domainId}
            phaseId={draft.phaseId}
            onDomainChange={(domainId) => set('domainId', domainId)}
            // The periods belong to the phase: a new phase starts with none ticked.
            onPhaseChange={(phaseId) => setDraft((d) => ({ ...d, phaseId, periodIds: [] }))}
          />
        </div>

        {phase && phase.periods.length > 0 && (
          <fieldset className="fdr-field">
            <legend>{t.fieldPeriods}</legend>
            {phase.periods.map((period) => (
              <label key={period.id} className="fdr-checkbox">
                <input
                  type="checkbox"
                  checked={draft.periodIds.includes(period.id)}
                  onChange={(e) =>
                    set(
                      'periodIds',
                      e.target.checked
                        ? phase.periods
                            .map((p) => p.id)
                            .filter((p) => p === period.id || draft.periodIds.includes(p))
                        : draft.periodIds.filter((p) => p !== period.id),
                    )
                  }
                />
                {localize(period.label, lang)} ({formatDate(period.start, lang)} –{' '}
                {formatDate(period.end, lang)})
              </label>
            ))}
          </fieldset>
        )}

        <Bilingual legend={t.fieldMandate} lang={lang}>
          <textarea
            lang="fr"
            rows={3}
            value={draft.mandateFr}
            onChange={(e) => set('mandateFr', e.target.value)}
            aria-label={`${t.fieldMandate} — ${t.french}`}
          />
          <textarea
            lang="en"
            rows={3}
            value={draft.mandateEn}
            onChange={(e) => set('mandateEn', e.target.value)}
            aria-label={`${t.fieldMandate} — ${t.english}`}
          />
        </Bilingual>
        <Bilingual legend={t.fieldDeliverables} lang={lang}>
          <textarea
            lang="fr"
            rows={3}
            value={draft.deliverablesFr}
            onChange={(e) => set('deliverablesFr', e.target.value)}
            aria-label={`${t.fieldDeliverables} — ${t.french}`}
          />
          <textarea
            lang="en"
            rows={3}
            value={draft.deliverablesEn}
            onChange={(e) => set('deliverablesEn', e.target.value)}
            aria-label={`${t.fieldDeliverables} — ${t.english}`}
          />
        </Bilingual>
        <Bilingual legend={t.fieldFormedFrom} lang={lang}>
          <textarea
            lang="fr"
            rows={2}
            value={draft.formedFromFr}
            onChange={(e) => set('formedFromFr', e.target.value)}
            aria-label={`${t.fieldFormedFrom} — ${t.french}`}
          />
          <textarea
            lang="en"
            rows={2}
            value={draft.formedFromEn}
            onChange={(e) => set('formedFromEn', e.target.value)}
            aria-label={`${t.fieldFormedFrom} — ${t.english}`}
          />
        </Bilingual>

        <div className="fdr-two-columns">
          <div className="fdr-field">
            <label htmlFor={`${id}-lead`}>{t.fieldLead}</label>
            <input
              id={`${id}-lead`}
              maxLength={NAME_MAX}
              value={draft.lead}
              onChange={(e) => set('lead', e.target.value)}
            />
          </div>
          <div className="fdr-field">
            <label htmlFor={`${id}-members`}>{t.fieldMembers}</label>
            <textarea
              id={`${id}-members`}
              rows={3}
              value={draft.members}
              onChange={(e) => set('members', e.target.value)}
            />
          </div>
        </div>

        {card?.latestStatus && (
          <p className="fdr-panel__status">
            {format(t.lastCheckin, {
              status: statusLabel(card.latestStatus.status, lang),
              date: formatDate(card.latestStatus.at, lang),
            })}
          </p>
        )}
        {error && (
          <p role="alert" className="fdr-error">
            {error}
          </p>
        )}
        <div className="fdr-actions">
          <button type="submit" className="fdr-button fdr-button--primary" data-testid="panel-save">
            {mode.kind === 'create' ? t.create : t.save}
          </button>
          {mode.kind === 'edit' && (
            <button type="button" className="fdr-button fdr-button--danger" onClick={archive}>
              {t.archive}
            </button>
          )}
        </div>
      </form>
      {card && boardId && (
        <CardCheckins boardId={boardId} card={card} lang={lang} canCheckIn={canCheckIn} />
      )}
    </aside>
  );
}

/** The card's check-ins in the panel: record one, and the history, newest first. */
function CardCheckins({
  boardId,
  card,
  lang,
  canCheckIn,
}: {
  boardId: string;
  card: RoadmapCard;
  lang: Lang;
  canCheckIn: boolean;
}) {
  const c = checkinStrings[lang];
  const id = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);
  const title = localize(card.title, lang);
  return (
    <section
      className="fdr-panel__checkins"
      aria-labelledby={`${id}-h`}
      data-testid="panel-checkins"
    >
      <h3 id={`${id}-h`}>{c.panelCheckins}</h3>
      <p role="status" className="fdr-team__message">
        {message}
      </p>
      {canCheckIn && (
        <button
          ref={toggle}
          type="button"
          className={`fdr-button ${open ? 'fdr-button--quiet' : ''}`}
          aria-expanded={open}
          aria-controls={`${id}-form`}
          onClick={() => {
            setOpen(!open);
            setMessage('');
          }}
          data-testid="panel-record-checkin"
        >
          {open ? c.hideForm : c.recordCheckin}
        </button>
      )}
      <div id={`${id}-form`}>
        {open && canCheckIn && (
          <CheckinForm
            boardId={boardId}
            cardId={card.id}
            cardTitle={title}
            lang={lang}
            autoFocus
            onPosted={() => {
              setOpen(false);
              setMessage(format(c.posted, { card: title, time: formatTime(new Date(), lang) }));
              toggle.current?.focus();
            }}
          />
        )}
      </div>
      <CheckinHistory checkins={card.checkins} lang={lang} headingLevel={4} />
    </section>
  );
}

/** A field in both languages, French and English side by side. */
function Bilingual({
  legend,
  lang,
  children,
}: {
  legend: string;
  lang: Lang;
  children: [ReactNode, ReactNode];
}) {
  const t = strings[lang];
  return (
    <fieldset className="fdr-bilingual">
      <legend>{legend}</legend>
      <div className="fdr-bilingual__pair">
        <div className="fdr-bilingual__side">
          <span className="fdr-bilingual__lang" aria-hidden="true">
            {t.french}
          </span>
          {children[0]}
        </div>
        <div className="fdr-bilingual__side">
          <span className="fdr-bilingual__lang" aria-hidden="true">
            {t.english}
          </span>
          {children[1]}
        </div>
      </div>
    </fieldset>
  );
}
