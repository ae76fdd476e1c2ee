import './mail.css';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { errorText } from '../errorText.ts';
import { format, formatDateTime } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { ScrollRegion } from '../ScrollRegion.tsx';
import {
  askForCheckin,
  boardMail,
  type MailRow,
  reminderSchedule,
  saveReminderSchedule,
} from './mailApi.ts';
import { type MailStrings, mailStrings } from './mailStrings.ts';

/** "Ask for a check-in": the task-team members of the overdue cards get a notification. */
export function AskCheckinButton({
  boardId,
  cardIds,
  lang,
}: {
  boardId: string;
  cardIds: string[];
  lang: Lang;
}) {
  const t = mailStrings[lang];
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const ask = async () => {
    setBusy(true);
    setSaid(null);
    try {
      const { asked } = await askForCheckin(boardId, cardIds);
      setSaid({ text: asked > 0 ? format(t.asked, { count: asked }) : t.askedNone, error: false });
    } catch (e) {
      setSaid({ text: errorText(e, lang), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="fdr-mail-tools">
      <button
        type="button"
        className="fdr-button fdr-button--primary"
        disabled={busy || cardIds.length === 0}
        onClick={() => void ask()}
        data-testid="ask-checkin"
      >
        {format(t.askButton, { count: cardIds.length })}
      </button>
      <p role="status" className="fdr-saved" data-testid="ask-checkin-result">
        {said && !said.error ? said.text : ''}
      </p>
      <ErrorAlert message={said?.error ? said.text : null} />
    </div>
  );
}

/** The server's longest schedule (it refuses more). */
const MAX_DAYS = 90;

/** The board's reminder schedule: off, or every N days (secretariat). */
export function ReminderScheduleForm({ boardId, lang }: { boardId: string; lang: Lang }) {
  const t = mailStrings[lang];
  const id = useId();
  const [loaded, setLoaded] = useState(false);
  const [on, setOn] = useState(false);
  const [days, setDays] = useState('14');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    reminderSchedule(boardId).then(
      ({ everyDays }) => {
        setOn(everyDays !== null);
        if (everyDays !== null) setDays(String(everyDays));
        setLoaded(true);
      },
      (e: unknown) => setError(errorText(e, lang)),
    );
  }, [boardId, lang]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const n = Number(days);
    if (on && (!Number.isInteger(n) || n < 1 || n > MAX_DAYS)) {
      setError(format(t.scheduleInvalid, { max: MAX_DAYS }));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const { everyDays } = await saveReminderSchedule(boardId, on ? n : null);
      setSaved(
        everyDays === null ? t.scheduleSavedOff : format(t.scheduleSaved, { days: everyDays }),
      );
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fdr-card-section fdr-mail-tools" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.scheduleHeading}</h2>
      <p>{t.scheduleIntro}</p>
      {loaded && (
        <form className="fdr-form" onSubmit={submit} noValidate data-testid="reminder-schedule">
          <fieldset>
            <legend className="fdr-sr-only">{t.scheduleHeading}</legend>
            <label className="fdr-radio">
              <input
                type="radio"
                name={`${id}-on`}
                checked={!on}
                onChange={() => setOn(false)}
                data-testid="schedule-off"
              />
              {t.scheduleOff}
            </label>
            <label className="fdr-radio">
              <input
                type="radio"
                name={`${id}-on`}
                checked={on}
                onChange={() => setOn(true)}
                data-testid="schedule-on"
              />
              {t.scheduleEvery}
            </label>
            <label htmlFor={`${id}-days`}>{t.scheduleDays}</label>
            <input
              id={`${id}-days`}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_DAYS}
              step={1}
              value={days}
              disabled={!on}
              aria-invalid={error === format(t.scheduleInvalid, { max: MAX_DAYS })}
              onChange={(e) => setDays(e.target.value)}
              data-testid="schedule-days"
            />
          </fieldset>
          <ErrorAlert message={error} />
          <button type="submit" className="fdr-button" disabled={busy}>
            {t.scheduleSave}
          </button>
          <p role="status" className="fdr-saved">
            {saved ?? ''}
          </p>
        </form>
      )}
      {!loaded && <ErrorAlert message={error} />}
    </section>
  );
}

const STATE_LABEL: Record<string, keyof MailStrings> = {
  pending: 'statePending',
  sending: 'stateSending',
  sent: 'stateSent',
  failed: 'stateFailed',
};
const KIND_LABEL: Record<string, keyof MailStrings> = {
  invite: 'kindInvite',
  'password-reset': 'kindPasswordReset',
  mention: 'kindMentionShort',
  reply: 'kindReplyShort',
  'checkin-reminder': 'kindReminderShort',
  digest: 'kindDigestShort',
};
const label = (table: Record<string, keyof MailStrings>, value: string, lang: Lang) => {
  const key = Object.hasOwn(table, value) ? table[value] : undefined;
  return key ? mailStrings[lang][key] : value;
};

/** The board's outbox: what was mailed, to whom, and what failed (secretariat). */
export function MailOutbox({ boardId, lang }: { boardId: string; lang: Lang }) {
  const t = mailStrings[lang];
  const id = useId();
  const [rows, setRows] = useState<MailRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    boardMail(boardId).then(
      (found) => {
        setRows(found);
        setError(null);
      },
      (e: unknown) => setError(errorText(e, lang)),
    );
  }, [boardId, lang]);
  useEffect(load, [load]);
  const failed = rows?.filter((r) => r.state === 'failed').length ?? 0;
  return (
    <section className="fdr-card-section fdr-mail-tools" aria-labelledby={`${id}-h`}>
      <div className="fdr-inline">
        <h2 id={`${id}-h`}>{t.outboxHeading}</h2>
        <button type="button" className="fdr-button fdr-button--quiet" onClick={load}>
          {t.outboxRefresh}
        </button>
      </div>
      <ErrorAlert message={error} />
      {rows?.length === 0 && <p>{t.outboxEmpty}</p>}
      {failed > 0 && (
        <p className="fdr-error" data-testid="outbox-failed">
          {failed === 1 ? t.outboxFailedOne : format(t.outboxFailed, { count: failed })}
        </p>
      )}
      {rows && rows.length > 0 && (
        <ScrollRegion labelledBy={`${id}-h`}>
          <table className="fdr-table fdr-outbox" data-testid="mail-outbox">
            <thead>
              <tr>
                <th scope="col">{t.colWhen}</th>
                <th scope="col">{t.colKind}</th>
                <th scope="col">{t.colRecipient}</th>
                <th scope="col">{t.colState}</th>
                <th scope="col">{t.colAttempts}</th>
                <th scope="col">{t.colError}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-state={row.state}>
                  <td>{row.createdAt === null ? '—' : formatDateTime(row.createdAt, lang)}</td>
                  <td>{label(KIND_LABEL, row.kind, lang)}</td>
                  <td className="fdr-outbox__wrap">{row.email}</td>
                  <td className={`fdr-outbox__state--${row.state}`}>
                    {label(STATE_LABEL, row.state, lang)}
                  </td>
                  <td>{row.attempts}</td>
                  <td className="fdr-outbox__wrap">{row.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
