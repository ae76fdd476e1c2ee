import type { BoardRole, Roadmap } from '@fdr/model';
import { MEETING_TITLE_MAX, VOTE_DOTS_MAX } from '@fdr/model';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { BilingualFields } from './BilingualFields.tsx';
import { openVote, type Vote, type VoteTarget } from './meetingApi.ts';
import { meetingStrings } from './meetingStrings.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { parseTargetKey, targetChoices, targetName } from './targetLabel.ts';
import { useSaving } from './useSaving.ts';
import { VotePanel } from './VotePanel.tsx';

/** A meeting's votes: the secretariat's form to open one, then each vote's panel. */
export function VotesSection({
  boardId,
  meetingId,
  votes,
  roadmap,
  lang,
  role,
  manage,
  onVote,
}: {
  boardId: string;
  meetingId: string;
  votes: readonly Vote[];
  roadmap: Roadmap | null;
  lang: Lang;
  role: BoardRole | null;
  manage: boolean;
  onVote: (vote: Vote) => void;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  const labelOf = (target: VoteTarget) => targetName(roadmap, target, lang);
  return (
    <section className="fdr-card-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.votesHeading}</h2>
      {votes.length === 0 && <p>{t.votesNone}</p>}
      {votes.map((vote) => (
        <VotePanel
          key={vote.id}
          boardId={boardId}
          vote={vote}
          lang={lang}
          role={role}
          labelOf={labelOf}
          onChange={onVote}
        />
      ))}
      {manage && (
        <OpenVoteForm
          boardId={boardId}
          meetingId={meetingId}
          roadmap={roadmap}
          lang={lang}
          onOpened={onVote}
        />
      )}
    </section>
  );
}

function OpenVoteForm({
  boardId,
  meetingId,
  roadmap,
  lang,
  onOpened,
}: {
  boardId: string;
  meetingId: string;
  roadmap: Roadmap | null;
  lang: Lang;
  onOpened: (vote: Vote) => void;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  const [fr, setFr] = useState('');
  const [en, setEn] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [perVoter, setPerVoter] = useState('3');
  const [secret, setSecret] = useState(false);
  const [live, setLive] = useState(false);
  const [closesAt, setClosesAt] = useState('');
  const { busy, error, setError, done, setDone, save } = useSaving(lang);
  const first = useRef<HTMLInputElement>(null);
  const { cards, items } = targetChoices(roadmap, lang);

  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (fr.trim() === '' && en.trim() === '') {
      setError(t.questionNeeded);
      first.current?.focus();
      return;
    }
    const targets = [...chosen].flatMap((key) => {
      const target = parseTargetKey(key);
      return target && target.kind !== 'domain' ? [target as VoteTarget] : [];
    });
    if (targets.length === 0) {
      setError(t.optionsNeeded);
      return;
    }
    await save(async () => {
      const vote = await openVote(boardId, meetingId, {
        question: { fr: fr.trim(), en: en.trim() },
        targets,
        votesPerVoter: Math.max(1, Math.min(VOTE_DOTS_MAX, Math.round(Number(perVoter)) || 1)),
        secret,
        liveResults: live,
        closesAt: closesAt === '' ? null : new Date(closesAt).getTime(),
      });
      onOpened(vote);
      setFr('');
      setEn('');
      setChosen(new Set());
      setClosesAt('');
      setDone(t.voteOpened);
      first.current?.focus();
    });
  };
  const group = (label: string, choices: typeof cards) =>
    choices.length > 0 && (
      <fieldset className="fdr-checks">
        <legend>{label}</legend>
        {choices.map((choice) => (
          <label key={choice.key} className="fdr-check">
            <input
              type="checkbox"
              value={choice.key}
              checked={chosen.has(choice.key)}
              onChange={(event) => toggle(choice.key, event.target.checked)}
              data-testid="vote-option-choice"
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
    );
  return (
    <form
      className="fdr-meeting-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(event) => void submit(event)}
      data-testid="vote-open-form"
      noValidate
    >
      <h3 id={`${id}-h`}>{t.openVoteHeading}</h3>
      <div className="fdr-meeting-form__grid">
        <BilingualFields
          id={id}
          labelFr={t.questionFr}
          labelEn={t.questionEn}
          fr={fr}
          en={en}
          onFr={setFr}
          onEn={setEn}
          maxLength={MEETING_TITLE_MAX}
          testIdFr="vote-question-fr"
          testIdEn="vote-question-en"
          firstRef={first}
        />
      </div>
      <fieldset className="fdr-checks-group">
        <legend>{t.options}</legend>
        {group(t.cards, cards)}
        {group(t.items, items)}
      </fieldset>
      <div className="fdr-meeting-form__grid">
        <div className="fdr-field">
          <label htmlFor={`${id}-n`}>{t.perVoter}</label>
          <input
            id={`${id}-n`}
            type="number"
            min={1}
            max={VOTE_DOTS_MAX}
            inputMode="numeric"
            value={perVoter}
            onChange={(event) => setPerVoter(event.target.value)}
            data-testid="vote-per-voter"
          />
        </div>
        <div className="fdr-field">
          <label htmlFor={`${id}-at`}>{t.closesAt}</label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            value={closesAt}
            onChange={(event) => setClosesAt(event.target.value)}
            data-testid="vote-closes-at"
          />
        </div>
      </div>
      <label className="fdr-check">
        <input
          type="checkbox"
          checked={secret}
          onChange={(event) => setSecret(event.target.checked)}
          data-testid="vote-secret"
        />
        {t.secret}
      </label>
      <label className="fdr-check">
        <input
          type="checkbox"
          checked={live}
          onChange={(event) => setLive(event.target.checked)}
          data-testid="vote-live"
        />
        {t.liveResults}
      </label>
      <button
        type="submit"
        className="fdr-button fdr-button--primary"
        disabled={busy}
        data-testid="vote-open"
      >
        {t.openVote}
      </button>
      <SaveStatus error={error} done={done} />
    </form>
  );
}
