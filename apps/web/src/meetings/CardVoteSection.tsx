import './meetingCanvas.css';
import { useId, useState } from 'react';
import { errorText } from '../errorText.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { canvasMeetingStrings } from './canvasMeetingStrings.ts';
import { addDot, removeDot, type Vote, type VoteTarget } from './meetingApi.ts';
import { localizedText, votesLeftText } from './meetingCanvasText.ts';
import { boardMeetingsStore, useBoardMeetings } from './useBoardMeetings.ts';
import { myDotsOn, openVotesOn } from './voteCounts.ts';

/**
 * Voting from a card's panel: for a council member, each open vote that includes the card, with
 * buttons to put a dot on it and take one back, and the votes left (said politely). The server
 * is the judge of the count: its refusal (no votes left, vote closed) is shown in words.
 */
export function CardVoteSection({
  boardId,
  cardId,
  cardLabel,
  lang,
  mayVote,
}: {
  boardId: string;
  cardId: string;
  /** The card's title in the UI language, for the buttons' names. */
  cardLabel: string;
  lang: Lang;
  /** Council members vote; nobody else sees this section. */
  mayVote: boolean;
}) {
  const { votes } = useBoardMeetings(boardId);
  const target: VoteTarget = { kind: 'card', id: cardId };
  const open = openVotesOn(votes, target);
  if (!mayVote || open.length === 0) return null;
  return (
    <>
      {open.map((vote) => (
        <CardVote
          key={vote.id}
          boardId={boardId}
          vote={vote}
          target={target}
          cardLabel={cardLabel}
          lang={lang}
        />
      ))}
    </>
  );
}

function CardVote({
  boardId,
  vote,
  target,
  cardLabel,
  lang,
}: {
  boardId: string;
  vote: Vote;
  target: VoteTarget;
  cardLabel: string;
  lang: Lang;
}) {
  const t = canvasMeetingStrings[lang];
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mine = myDotsOn(vote, target);
  const left = vote.votesPerVoter - vote.myDots.length;
  const question = localizedText(vote.question, lang);
  const count = vote.options.find(
    (o) => o.target.kind === 'card' && o.target.id === target.id,
  )?.count;

  const send = async (write: typeof addDot) => {
    setBusy(true);
    setError(null);
    try {
      boardMeetingsStore(boardId).putVote(await write(boardId, vote.id, target));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="fdr-card-meeting"
      aria-labelledby={`${id}-h`}
      data-testid="card-vote"
      data-vote-id={vote.id}
    >
      <h3 id={`${id}-h`}>{t.voteHeading}</h3>
      <p lang={question.lang}>{format(t.voteQuestion, { question: question.text })}</p>
      <p className="fdr-card-meeting__meta" data-testid="vote-my-dots">
        {format(t.myDots, { count: mine })}
        {count !== null && count !== undefined && ` · ${format(t.voteCount, { count })}`}
      </p>
      <div className="fdr-card-meeting__row">
        <button
          type="button"
          // Not the filled style: a disabled filled button reads badly (no votes left).
          className="fdr-button"
          disabled={busy || left <= 0}
          aria-label={format(t.voteAddLabel, { label: cardLabel })}
          onClick={() => void send(addDot)}
          data-testid="vote-add"
        >
          <span aria-hidden="true">+ </span>
          {t.voteAdd}
        </button>
        <button
          type="button"
          className="fdr-button"
          disabled={busy || mine === 0}
          aria-label={format(t.voteRemoveLabel, { label: cardLabel })}
          onClick={() => void send(removeDot)}
          data-testid="vote-remove"
        >
          <span aria-hidden="true">− </span>
          {t.voteRemove}
        </button>
      </div>
      <p role="status" aria-live="polite" data-testid="vote-left">
        {votesLeftText(left, vote.votesPerVoter, lang)}
      </p>
      {error !== null && (
        <p className="fdr-card-meeting__error" role="alert">
          {errorText(error, lang)}
        </p>
      )}
    </section>
  );
}
