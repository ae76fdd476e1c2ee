import './checkins.css';
import { CHECKIN_STATUS_LABELS, CHECKIN_STATUSES, type CheckinStatus, newId } from '@fdr/model';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, NetworkError } from '../api.ts';
import { checkinStrings } from '../i18n/checkinStrings.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { postCheckin } from './checkinApi.ts';
import {
  type CheckinDraft,
  checkinInput,
  type DraftErrors,
  draftErrors,
  EMPTY_DRAFT,
} from './checkinDraft.ts';

type TextKey = Exclude<keyof CheckinDraft, 'status' | 'progress' | 'milestoneDate'>;

/**
 * Records a check-in for one card over REST (so it works without the canvas, on a phone).
 * Status first; the summary next, in the UI language first; the milestone, asks and risks are
 * behind a disclosure so a quick update stays short.
 */
export function CheckinForm({
  boardId,
  cardId,
  cardTitle,
  lang,
  onPosted,
  autoFocus = false,
}: {
  boardId: string;
  cardId: string;
  cardTitle: string;
  lang: Lang;
  /** Called once the server stored the check-in. */
  onPosted: (checkinId: string) => void;
  autoFocus?: boolean;
}) {
  const t = checkinStrings[lang];
  const id = useId();
  const [draft, setDraftState] = useState<CheckinDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  // One id per check-in being sent, kept across retries of the same content: if an answer was
  // lost, the retry is recognised by the server instead of recorded twice.
  const attempt = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const firstStatus = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) firstStatus.current?.focus();
  }, [autoFocus]);

  const set = <K extends keyof CheckinDraft>(key: K, value: CheckinDraft[K]) => {
    attempt.current = null;
    setDraftState((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = draftErrors(draft);
    setErrors(found);
    const invalid = Object.keys(found) as (keyof CheckinDraft)[];
    if (invalid.length > 0) {
      setFailure(t.fixErrors);
      if (invalid.some((key) => key.startsWith('milestone') || /^(asks|risks)/.test(key))) {
        setDetailsOpen(true);
      }
      // After the disclosure opened: focus the first field in error.
      requestAnimationFrame(() => {
        form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      });
      return;
    }
    attempt.current ??= newId();
    setBusy(true);
    setFailure(null);
    try {
      const { id: checkinId } = await postCheckin(
        boardId,
        checkinInput(draft, cardId, attempt.current),
      );
      attempt.current = null;
      setDraftState(EMPTY_DRAFT);
      setDetailsOpen(false);
      onPosted(checkinId);
    } catch (error) {
      if (error instanceof NetworkError) setFailure(t.offlineRetry);
      else
        setFailure(
          format(t.postFailed, {
            message: error instanceof ApiError ? error.messages[lang] : String(error),
          }),
        );
    } finally {
      setBusy(false);
    }
  };

  const describedBy = (key: keyof CheckinDraft) => (errors[key] ? `${id}-${key}-error` : undefined);
  const fieldError = (key: keyof CheckinDraft) => {
    const error = errors[key];
    return error ? (
      <p id={`${id}-${key}-error`} className="fdr-error fdr-field-error">
        {t[error]}
      </p>
    ) : null;
  };
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const suffix = (l: Lang): 'Fr' | 'En' => (l === 'fr' ? 'Fr' : 'En');
  /** One free text in both languages, the UI language first. */
  const bilingual = (base: 'summary' | 'milestone' | 'asks' | 'risks', label: string, rows = 2) =>
    [lang, other].map((l) => {
      const key = `${base}${suffix(l)}` as TextKey;
      const fieldId = `${id}-${key}`;
      const labelText = format(l === 'fr' ? t.inFrench : t.inEnglish, { field: label });
      return (
        <div className="fdr-field" key={key}>
          <label htmlFor={fieldId}>{labelText}</label>
          {base === 'milestone' ? (
            <input
              id={fieldId}
              lang={l}
              value={draft[key]}
              onChange={(e) => set(key, e.target.value)}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={describedBy(key)}
              data-testid={`checkin-${key}`}
            />
          ) : (
            <textarea
              id={fieldId}
              lang={l}
              rows={rows}
              value={draft[key]}
              onChange={(e) => set(key, e.target.value)}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={describedBy(key)}
              data-testid={`checkin-${key}`}
            />
          )}
          {fieldError(key)}
        </div>
      );
    });

  return (
    <form
      ref={form}
      className="fdr-checkin-form"
      onSubmit={submit}
      noValidate
      aria-label={format(t.recordCheckinFor, { card: cardTitle })}
      data-testid="checkin-form"
    >
      <fieldset className="fdr-status-choice" aria-describedby={describedBy('status')}>
        <legend>
          {t.fieldStatus} <span aria-hidden="true">*</span>
        </legend>
        {CHECKIN_STATUSES.map((status: CheckinStatus, index) => (
          <label key={status} className={`fdr-status-option fdr-chip--${status}`}>
            <input
              ref={index === 0 ? firstStatus : undefined}
              type="radio"
              name={`${id}-status`}
              value={status}
              checked={draft.status === status}
              onChange={() => set('status', status)}
              required
              aria-invalid={errors.status ? true : undefined}
            />
            <span className="fdr-chip__dot" aria-hidden="true" />
            {CHECKIN_STATUS_LABELS[status][lang]}
          </label>
        ))}
        {fieldError('status')}
      </fieldset>

      <div className="fdr-field fdr-field--short">
        <label htmlFor={`${id}-progress`}>{t.fieldProgress}</label>
        <input
          id={`${id}-progress`}
          inputMode="numeric"
          autoComplete="off"
          value={draft.progress}
          onChange={(e) => set('progress', e.target.value)}
          aria-invalid={errors.progress ? true : undefined}
          aria-describedby={describedBy('progress')}
          data-testid="checkin-progress"
        />
        {fieldError('progress')}
      </div>

      {bilingual('summary', t.fieldSummary, 3)}

      <details open={detailsOpen} onToggle={(e) => setDetailsOpen(e.currentTarget.open)}>
        <summary>{t.moreDetails}</summary>
        {bilingual('milestone', t.fieldMilestone)}
        <div className="fdr-field fdr-field--short">
          <label htmlFor={`${id}-milestoneDate`}>{t.fieldMilestoneDate}</label>
          <input
            id={`${id}-milestoneDate`}
            type="date"
            value={draft.milestoneDate}
            onChange={(e) => set('milestoneDate', e.target.value)}
            aria-invalid={errors.milestoneDate ? true : undefined}
            aria-describedby={describedBy('milestoneDate')}
            data-testid="checkin-milestoneDate"
          />
          {fieldError('milestoneDate')}
        </div>
        {bilingual('asks', t.fieldAsks)}
        {bilingual('risks', t.fieldRisks)}
      </details>

      {failure && (
        <p role="alert" className="fdr-error" data-testid="checkin-error">
          {failure}
        </p>
      )}
      <button
        type="submit"
        className="fdr-button fdr-button--primary fdr-button--wide"
        disabled={busy}
        data-testid="checkin-submit"
      >
        {busy ? t.posting : t.post}
      </button>
    </form>
  );
}
