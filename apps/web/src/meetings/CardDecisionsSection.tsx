import './meetingCanvas.css';
import { useId } from 'react';
import { format, formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import { versionPath } from '../router.ts';
import { canvasMeetingStrings } from './canvasMeetingStrings.ts';
import { localizedText } from './meetingCanvasText.ts';
import { useBoardMeetings } from './useBoardMeetings.ts';

/**
 * A card's decision history in its panel, newest first: each decision's text in the UI language
 * (else the other), its meeting and date, and the board version taken with it.
 */
export function CardDecisionsSection({
  boardId,
  cardId,
  lang,
}: {
  boardId: string;
  cardId: string;
  lang: Lang;
}) {
  const t = canvasMeetingStrings[lang];
  const id = useId();
  const { loaded, decisions } = useBoardMeetings(boardId);
  const mine = decisions
    .filter((d) => d.targets.some((target) => target.kind === 'card' && target.id === cardId))
    .sort((a, b) => b.recordedAt - a.recordedAt);
  return (
    <section className="fdr-card-meeting" aria-labelledby={`${id}-h`} data-testid="card-decisions">
      <h3 id={`${id}-h`}>{t.decisionsHeading}</h3>
      {!loaded ? (
        <p className="fdr-card-meeting__meta">{t.decisionsLoading}</p>
      ) : mine.length === 0 ? (
        <p className="fdr-card-meeting__meta">{t.decisionsEmpty}</p>
      ) : (
        <ul className="fdr-card-meeting__list">
          {mine.map((decision) => {
            const text = localizedText(decision.text, lang);
            const meeting = localizedText(decision.meetingTitle, lang);
            return (
              <li key={decision.id} data-decision-id={decision.id}>
                <p lang={text.lang}>{text.text}</p>
                <p className="fdr-card-meeting__meta">
                  <span lang={meeting.lang}>
                    {format(t.decisionMeta, {
                      meeting: meeting.text,
                      date: formatDate(decision.heldOn, lang),
                    })}
                  </span>
                  {' · '}
                  <Link
                    href={versionPath(boardId, decision.versionId)}
                    data-testid="decision-version-link"
                  >
                    {format(t.decisionVersion, { name: decision.versionName })}
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
