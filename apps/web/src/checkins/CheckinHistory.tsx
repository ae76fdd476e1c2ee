import './checkins.css';
import type { CheckinRecord } from '@fdr/model';
import { useId, useState } from 'react';
import { checkinStrings } from '../i18n/checkinStrings.ts';
import { format, formatDate, formatDateTime } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { hasText, LocalizedText } from './LocalizedText.tsx';
import { StatusChip } from './StatusChip.tsx';
import { Template } from './Template.tsx';

/** One check-in, every field it has. */
export function CheckinEntry({ checkin, lang }: { checkin: CheckinRecord; lang: Lang }) {
  const t = checkinStrings[lang];
  const milestone = checkin.nextMilestone;
  return (
    <article className="fdr-checkin" data-testid="checkin-entry" data-checkin-id={checkin.id}>
      <p className="fdr-checkin__head">
        <StatusChip status={checkin.status} lang={lang} />{' '}
        <time dateTime={checkin.at}>{formatDateTime(checkin.at, lang)}</time>{' '}
        <span className="fdr-checkin__author">{format(t.by, { author: checkin.author })}</span>
      </p>
      {checkin.progress !== null && (
        <p className="fdr-checkin__progress">
          {format(t.progress, { progress: checkin.progress })}{' '}
          <progress max={100} value={checkin.progress} aria-hidden="true" />
        </p>
      )}
      {hasText(checkin.summary) && (
        <p className="fdr-checkin__summary">
          <LocalizedText text={checkin.summary} lang={lang} />
        </p>
      )}
      {milestone && (
        <p>
          <Template
            text={milestone.targetDate ? t.nextMilestoneDated : t.nextMilestone}
            values={{
              label: <LocalizedText text={milestone.label} lang={lang} />,
              date: milestone.targetDate ? formatDate(milestone.targetDate, lang) : '',
            }}
          />
        </p>
      )}
      {hasText(checkin.asks) && (
        <p>
          <Template
            text={t.asks}
            values={{ text: <LocalizedText text={checkin.asks} lang={lang} /> }}
          />
        </p>
      )}
      {hasText(checkin.risks) && (
        <p>
          <Template
            text={t.risks}
            values={{ text: <LocalizedText text={checkin.risks} lang={lang} /> }}
          />
        </p>
      )}
    </article>
  );
}

/** A card's check-ins, newest first; the older ones behind a button. */
export function CheckinHistory({
  checkins,
  lang,
  shown = 3,
  headingLevel = 3,
}: {
  /** Oldest first, as the model orders them. */
  checkins: readonly CheckinRecord[];
  lang: Lang;
  shown?: number;
  headingLevel?: 2 | 3 | 4;
}) {
  const t = checkinStrings[lang];
  const id = useId();
  const [all, setAll] = useState(false);
  const newestFirst = [...checkins].reverse();
  const visible = all ? newestFirst : newestFirst.slice(0, shown);
  const Heading = `h${headingLevel}` as const;
  return (
    <section className="fdr-history" aria-labelledby={`${id}-h`} data-testid="checkin-history">
      <Heading id={`${id}-h`} className="fdr-history__heading">
        {format(t.historyCount, { count: checkins.length })}
      </Heading>
      {checkins.length === 0 ? (
        <p className="fdr-hint">{t.historyEmpty}</p>
      ) : (
        <ol className="fdr-history__list" id={`${id}-list`}>
          {visible.map((checkin) => (
            <li key={checkin.id}>
              <CheckinEntry checkin={checkin} lang={lang} />
            </li>
          ))}
        </ol>
      )}
      {newestFirst.length > shown && (
        <button
          type="button"
          className="fdr-button fdr-button--quiet"
          aria-expanded={all}
          aria-controls={`${id}-list`}
          onClick={() => setAll(!all)}
        >
          {all ? t.showLess : format(t.showAll, { count: newestFirst.length })}
        </button>
      )}
    </section>
  );
}
