import {
  CHECKIN_STATUSES,
  CHECKIN_TEXT_MAX,
  type CheckinStatus,
  localize,
  MILESTONE_LABEL_MAX,
  type RoadmapCard,
} from '@fdr/model';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api.ts';
import { statusLabelOf } from '../cards/labels.ts';
import type { CheckinInput as PostedCheckin } from '../checkins/checkinApi.ts';
import { format } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';

/** What the dialog gathers; the page adds the id when it posts it. */
type CheckinInput = Omit<PostedCheckin, 'id'>;

import { ErrorAlert } from '../ErrorAlert.tsx';
import { Dialog } from './Dialog.tsx';

/**
 * A new status check-in for one card, from its row: the status (radio buttons, arrows move
 * between them), progress, a summary, the next milestone, asks and risks, each text in French
 * and English. Sent to the server, which records it on the live board.
 */
export function CheckinDialog({
  card,
  lang,
  onSubmit,
  onClose,
}: {
  card: RoadmapCard;
  lang: Lang;
  /** Resolves when the server recorded it; rejects with an ApiError or a NetworkError. */
  onSubmit: (input: CheckinInput) => Promise<void>;
  onClose: () => void;
}) {
  const t = tableStrings[lang];
  const s = strings[lang];
  const id = useId();
  const [status, setStatus] = useState<CheckinStatus>(card.latestStatus?.status ?? 'on-track');
  const [progress, setProgress] = useState(
    card.latestStatus?.progress === null || card.latestStatus === null
      ? ''
      : String(card.latestStatus.progress),
  );
  const [texts, setTexts] = useState({
    summaryFr: '',
    summaryEn: '',
    milestoneFr: '',
    milestoneEn: '',
    milestoneDate: '',
    asksFr: '',
    asksEn: '',
    risksFr: '',
    risksEn: '',
  });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof texts) => (value: string) =>
    setTexts((current) => ({ ...current, [key]: value }));
  const title = localize(card.title, lang);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = progress.trim();
    const percent = value === '' ? null : Number(value);
    if (percent !== null && (!Number.isInteger(percent) || percent < 0 || percent > 100)) {
      setError(t.checkinBadProgress);
      return;
    }
    const milestone = { fr: texts.milestoneFr.trim(), en: texts.milestoneEn.trim() };
    setSending(true);
    setError(null);
    try {
      await onSubmit({
        cardId: card.id,
        status,
        progress: percent,
        summary: { fr: texts.summaryFr.trim(), en: texts.summaryEn.trim() },
        nextMilestone:
          milestone.fr === '' && milestone.en === ''
            ? null
            : { label: milestone, targetDate: texts.milestoneDate || null },
        asks: { fr: texts.asksFr.trim(), en: texts.asksEn.trim() },
        risks: { fr: texts.risksFr.trim(), en: texts.risksEn.trim() },
      });
    } catch (failure) {
      setSending(false);
      setError(
        failure instanceof ApiError
          ? format(s.actionFailed, { message: failure.messages[lang] })
          : t.checkinOffline,
      );
    }
  };

  const pair = (
    label: string,
    fr: keyof typeof texts,
    en: keyof typeof texts,
    multiline: boolean,
  ) => (
    <fieldset className="fdr-bilingual">
      <legend>{label}</legend>
      <div className="fdr-bilingual__pair">
        {(
          [
            [fr, 'fr', s.french],
            [en, 'en', s.english],
          ] as const
        ).map(([key, language, name]) => (
          <div className="fdr-bilingual__side" key={key}>
            <label htmlFor={`${id}-${key}`} className="fdr-bilingual__lang">
              {name}
            </label>
            {multiline ? (
              <textarea
                id={`${id}-${key}`}
                lang={language}
                rows={2}
                maxLength={CHECKIN_TEXT_MAX}
                value={texts[key]}
                onChange={(e) => set(key)(e.target.value)}
              />
            ) : (
              <input
                id={`${id}-${key}`}
                lang={language}
                maxLength={MILESTONE_LABEL_MAX}
                value={texts[key]}
                onChange={(e) => set(key)(e.target.value)}
              />
            )}
          </div>
        ))}
      </div>
    </fieldset>
  );

  return (
    <Dialog
      heading={format(t.checkinHeading, { title })}
      onClose={onClose}
      testId="checkin-dialog"
      wide
    >
      <form onSubmit={submit}>
        <fieldset className="fdr-field">
          <legend>{t.checkinStatus}</legend>
          <div className="fdr-status-choices">
            {CHECKIN_STATUSES.map((value) => (
              <label key={value} className="fdr-radio">
                <input
                  type="radio"
                  name={`${id}-status`}
                  value={value}
                  checked={status === value}
                  onChange={() => setStatus(value)}
                  {...(status === value ? { 'data-autofocus': true } : {})}
                />
                <span className={`fdr-status fdr-status--${value}`}>
                  <span className="fdr-status__dot" aria-hidden="true" />
                  {statusLabelOf(value, lang)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="fdr-field">
          <label htmlFor={`${id}-progress`}>{t.checkinProgress}</label>
          <input
            id={`${id}-progress`}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={progress}
            onChange={(e) => setProgress(e.target.value)}
            className="fdr-input-short"
          />
        </div>
        {pair(t.checkinSummary, 'summaryFr', 'summaryEn', true)}
        {pair(t.checkinMilestone, 'milestoneFr', 'milestoneEn', false)}
        <div className="fdr-field">
          <label htmlFor={`${id}-date`}>{t.checkinMilestoneDate}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={texts.milestoneDate}
            onChange={(e) => set('milestoneDate')(e.target.value)}
            className="fdr-input-short"
          />
        </div>
        {pair(t.checkinAsks, 'asksFr', 'asksEn', true)}
        {pair(t.checkinRisks, 'risksFr', 'risksEn', true)}
        <ErrorAlert message={error} />
        <div className="fdr-actions">
          <button
            type="submit"
            className="fdr-button fdr-button--primary"
            disabled={sending}
            data-testid="checkin-submit"
          >
            {sending ? t.checkinSending : t.checkinSubmit}
          </button>
          <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
            {s.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
