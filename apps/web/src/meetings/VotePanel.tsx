import { type BoardRole, canAdminister } from '@fdr/model';
import { useId, useState } from 'react';
import { errorText } from '../errorText.ts';
import { format, formatDateTime } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { addDot, closeVote, removeDot, type Vote, type VoteTarget } from './meetingApi.ts';
import { meetingStrings, plural } from './meetingStrings.ts';
import { targetKey } from './targetLabel.ts';

/**
 * One dot vote, accessible: its options with add and remove buttons named after the option, the
 * votes the caller has left (said in a polite live region as they change), the counts when they
 * are visible, and the close button for the secretariat. Council members vote; the server
 * decides, so its refusal (no votes left, closed) is shown as it says it.
 */
export function VotePanel({
  boardId,
  vote,
  lang,
  role,
  labelOf,
  onChange,
  headingLevel = 3,
}: {
  boardId: string;
  vote: Vote;
  lang: Lang;
  role: BoardRole | null;
  /** The option's name (a card's title, an item's label). */
  labelOf: (target: VoteTarget) => string;
  onChange: (vote: Vote) => void;
  headingLevel?: 2 | 3;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const open = vote.state === 'open';
  const mayVote = open && role === 'council';
  const manage = canAdminister(role);
  const used = vote.myDots.length;
  const left = Math.max(0, vote.votesPerVoter - used);
  const leftText = format(plural(lang, left, t.votesLeftOne, t.votesLeft), {
    left,
    total: vote.votesPerVoter,
  });
  const question = vote.question[lang].trim() || vote.question[lang === 'fr' ? 'en' : 'fr'];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const act = async (run: () => Promise<Vote>, announce: (next: Vote) => string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await run();
      onChange(next);
      setSaid(announce(next));
    } catch (caught) {
      setError(errorText(caught, lang));
    } finally {
      setBusy(false);
    }
  };
  const leftOf = (next: Vote) => {
    const remaining = Math.max(0, next.votesPerVoter - next.myDots.length);
    return format(plural(lang, remaining, t.votesLeftOne, t.votesLeft), {
      left: remaining,
      total: next.votesPerVoter,
    });
  };

  return (
    <section
      className="fdr-vote"
      aria-labelledby={`${id}-h`}
      data-testid="vote-panel"
      data-vote-id={vote.id}
      data-state={vote.state}
    >
      <Heading id={`${id}-h`} className="fdr-vote__question">
        {format(t.voteQuestion, { question })}
      </Heading>
      <p className="fdr-vote__meta">
        <span className={`fdr-pill fdr-pill--${vote.state}`}>
          {open ? t.voteOpen : t.voteClosed}
        </span>{' '}
        {vote.secret ? t.voteSecret : t.votePublic}
        {' · '}
        {format(plural(lang, vote.voters, t.voteVotersOne, t.voteVotersMany), {
          count: vote.voters,
        })}
        {open && vote.closesAt !== null && (
          <> · {format(t.voteClosesAt, { date: formatDateTime(vote.closesAt, lang) })}</>
        )}
      </p>
      {mayVote && (
        <p className="fdr-vote__left" data-testid="vote-left">
          {leftText}
        </p>
      )}
      {open && role !== 'council' && !manage && <p className="fdr-hint">{t.observerNote}</p>}
      <ul className="fdr-vote__options">
        {vote.options.map((option) => {
          const label = labelOf(option.target);
          const mine = vote.myDots.filter(
            (dot) => targetKey(dot) === targetKey(option.target),
          ).length;
          return (
            <li
              key={targetKey(option.target)}
              className="fdr-vote__row"
              data-testid="vote-row"
              data-target={targetKey(option.target)}
            >
              <span className="fdr-vote__label">{label}</span>
              {option.count !== null && (
                <span className="fdr-vote__count">
                  <span data-testid="vote-count">{option.count}</span>
                  <span className="fdr-sr-only">
                    {' '}
                    {format(plural(lang, option.count, t.countOne, t.countMany), {
                      count: option.count,
                    })}
                  </span>
                </span>
              )}
              {(mayVote || mine > 0) && (
                <span className="fdr-vote__mine" data-testid="vote-my-dots">
                  <span aria-hidden="true">{'●'.repeat(Math.min(mine, 20))} </span>
                  {format(t.myDots, { count: mine })}
                </span>
              )}
              {mayVote && (
                <span className="fdr-vote__buttons">
                  <button
                    type="button"
                    className="fdr-button"
                    aria-label={format(t.voteAddLabel, { option: label })}
                    // aria-disabled, not disabled: a button that went disabled would drop the
                    // keyboard focus to the page.
                    aria-disabled={busy || left === 0}
                    onClick={() =>
                      !busy &&
                      left > 0 &&
                      void act(() => addDot(boardId, vote.id, option.target), leftOf)
                    }
                    data-testid="vote-add"
                  >
                    {t.voteAdd}
                  </button>
                  <button
                    type="button"
                    className="fdr-button"
                    aria-label={format(t.voteRemoveLabel, { option: label })}
                    aria-disabled={busy || mine === 0}
                    onClick={() =>
                      !busy &&
                      mine > 0 &&
                      void act(() => removeDot(boardId, vote.id, option.target), leftOf)
                    }
                    data-testid="vote-remove"
                  >
                    {t.voteRemove}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {open && vote.options.some((option) => option.count === null) && (
        <p className="fdr-hint">{t.countHidden}</p>
      )}
      {vote.ballots && vote.ballots.length > 0 && (
        <details className="fdr-vote__ballots">
          <summary>{t.ballots}</summary>
          <ul>
            {vote.ballots.map((ballot, index) => (
              // Several dots of one person on one option are separate rows.
              // biome-ignore lint/suspicious/noArrayIndexKey: ballots have no id of their own
              <li key={index}>
                {ballot.voter.name} → {labelOf(ballot.target)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {manage && open && (
        <button
          type="button"
          className="fdr-button"
          aria-label={format(t.voteCloseLabel, { question })}
          disabled={busy}
          onClick={() =>
            void act(
              () => closeVote(boardId, vote.id),
              () => t.voteClosedNotice,
            )
          }
          data-testid="vote-close"
        >
          {t.voteClose}
        </button>
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
