import {
  archiveCard,
  CARD_TITLE_MAX,
  createCard,
  localize,
  moveCard,
  NAME_MAX,
  type Roadmap,
  updateCard,
} from '@fdr/model';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import {
  type CardDraft,
  cardDraftOf,
  cardPatch,
  emptyCardDraft,
  inPhase,
  missingTitle,
  newCardInput,
} from '../cards/cardDraft.ts';
import { statusLabelOf } from '../cards/labels.ts';
import { PeriodChecks } from '../cards/PeriodChecks.tsx';
import { RoleSelect } from '../cards/RoleSelect.tsx';
import { StateSelect } from '../cards/StateSelect.tsx';
import { useDraft } from '../drafts/useDraft.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { format, formatDate } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { enterSubmits } from '../overlay/enterSubmits.ts';
import { useOverlay } from '../overlay/useOverlay.ts';
import { Bilingual } from './Bilingual.tsx';
import { CardCheckins } from './CardCheckins.tsx';
import { CellPicker } from './CellPicker.tsx';

export type PanelMode =
  | { kind: 'edit'; cardId: string }
  | { kind: 'create'; domainId: string; phaseId: string };

/** Runs a model command as this user; false when the model refused it (already reported). */
export type RunCommand = (command: (doc: Y.Doc, origin: unknown) => void) => boolean;

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
  readOnly = false,
  children,
  comments,
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
  /** Observers and task-team members see every field but change none. */
  readOnly?: boolean;
  /** What other features show about the card (its roadmap items), after its fields. */
  children?: ReactNode;
  /** The card's conversation, last in the panel. */
  comments?: ReactNode;
}) {
  const t = strings[lang];
  const id = useId();
  const card = mode.kind === 'edit' ? roadmap.cards.find((c) => c.id === mode.cardId) : undefined;
  const { initial, draft, set, setDraft } = useDraft<CardDraft>(() =>
    card
      ? cardDraftOf(card)
      : emptyCardDraft(
          mode.kind === 'create' ? mode.domainId : '',
          mode.kind === 'create' ? mode.phaseId : '',
        ),
  );
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLElement>(null);
  // Unsaved edits are not thrown away because the legend or the export menu was opened.
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useOverlay({
    open: true,
    close: onClose,
    root,
    closeOnOutsidePress: false,
    onReplaced: dirty ? () => {} : onClose,
  });
  // A read-only panel has no field to start in: focus its heading, read first by screen readers.
  useEffect(() => (readOnly ? headingRef.current : first.current)?.focus(), [readOnly]);

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
  const heading =
    mode.kind === 'create' ? t.newCard : localize({ fr: draft.titleFr, en: draft.titleEn }, lang);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    if (missingTitle(draft)) {
      setError(t.titleRequired);
      return;
    }
    setError(null);
    if (mode.kind === 'create') {
      let created = '';
      const ok = run((doc, origin) => {
        created = createCard(doc, newCardInput(draft), origin);
      });
      if (ok) onDone(created, t.created);
      return;
    }
    const cardId = mode.cardId;
    const moved = draft.domainId !== initial.domainId || draft.phaseId !== initial.phaseId;
    const patch = cardPatch(initial, draft);
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
      ref={root}
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
        <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          <span className="fdr-panel__kind">{t.cardPanel} · </span>
          {heading || t.newCard}
        </h2>
        <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <form onSubmit={submit} onKeyDown={enterSubmits} className="fdr-panel__form">
        {/* Disabled fields still show their values; nothing in them can be changed or sent. */}
        <fieldset className="fdr-panel__fields" disabled={readOnly}>
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
              <RoleSelect
                id={`${id}-role`}
                value={draft.role}
                onChange={(role) => set('role', role)}
                lang={lang}
              />
            </div>
            <div className="fdr-field">
              <label htmlFor={`${id}-state`}>{t.fieldState}</label>
              <StateSelect
                id={`${id}-state`}
                value={draft.state}
                onChange={(state) => set('state', state)}
                lang={lang}
              />
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
              onPhaseChange={(phaseId) =>
                setDraft((d) =>
                  inPhase(
                    d,
                    roadmap.phases.find((p) => p.id === phaseId) ?? { id: phaseId, periods: [] },
                  ),
                )
              }
            />
          </div>

          <PeriodChecks
            draft={draft}
            phase={phase}
            lang={lang}
            legend={t.fieldPeriods}
            onChange={(periodIds) => set('periodIds', periodIds)}
            className="fdr-field"
            withDates
          />

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
                status: statusLabelOf(card.latestStatus.status, lang),
                date: formatDate(card.latestStatus.at, lang),
              })}
            </p>
          )}
        </fieldset>
        <ErrorAlert message={error} />
        {!readOnly && (
          <div className="fdr-actions">
            <button
              type="submit"
              className="fdr-button fdr-button--primary"
              data-testid="panel-save"
            >
              {mode.kind === 'create' ? t.create : t.save}
            </button>
            {mode.kind === 'edit' && (
              <button type="button" className="fdr-button fdr-button--danger" onClick={archive}>
                {t.archive}
              </button>
            )}
          </div>
        )}
      </form>
      {children}
      {card && boardId && (
        <CardCheckins boardId={boardId} card={card} lang={lang} canCheckIn={canCheckIn} />
      )}
      {card && comments}
    </aside>
  );
}
