import { localize, type RoadmapCard } from '@fdr/model';
import { useId, useRef, useState } from 'react';
import { CheckinForm } from '../checkins/CheckinForm.tsx';
import { CheckinHistory } from '../checkins/CheckinHistory.tsx';
import { checkinStrings } from '../i18n/checkinStrings.ts';
import { format, formatTime } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';

/** The card's check-ins in the panel: record one, and the history, newest first. */
export function CardCheckins({
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
