import type { Roadmap } from '@fdr/model';
import { DECISION_TEXT_MAX } from '@fdr/model';
import { type FormEvent, useId, useRef, useState } from 'react';
import { LocalizedText } from '../checkins/LocalizedText.tsx';
import { format, formatDateTime } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import { versionPath } from '../router.ts';
import { BilingualFields } from './BilingualFields.tsx';
import { type Decision, type MeetingTarget, recordDecision } from './meetingApi.ts';
import { meetingStrings } from './meetingStrings.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { parseTargetKey, targetChoices, targetName } from './targetLabel.ts';
import { useSaving } from './useSaving.ts';

/** A meeting's decisions, each with the version taken with it; the secretariat records them. */
export function DecisionsSection({
  boardId,
  meetingId,
  decisions,
  roadmap,
  lang,
  manage,
  onRecorded,
}: {
  boardId: string;
  meetingId: string;
  decisions: readonly Decision[];
  roadmap: Roadmap | null;
  lang: Lang;
  manage: boolean;
  onRecorded: (decision: Decision) => void;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  return (
    <section className="fdr-card-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.decisionsHeading}</h2>
      {decisions.length === 0 && <p>{t.decisionsNone}</p>}
      <ul className="fdr-decisions">
        {decisions.map((decision) => (
          <li
            key={decision.id}
            className="fdr-decision"
            data-testid="decision"
            data-decision-id={decision.id}
          >
            <p className="fdr-decision__text">
              <LocalizedText text={decision.text} lang={lang} />
            </p>
            {decision.targets.length > 0 && (
              <p className="fdr-decision__targets">
                {format(t.concernedList, {
                  targets: decision.targets
                    .map((target) => targetName(roadmap, target, lang))
                    .join(', '),
                })}
              </p>
            )}
            <p className="fdr-hint">
              {format(t.recordedBy, {
                name: decision.recordedBy.name,
                date: formatDateTime(decision.recordedAt, lang),
              })}
              {' · '}
              <Link
                href={versionPath(boardId, decision.versionId)}
                data-testid="decision-version-link"
              >
                {format(t.versionLink, { version: decision.versionName })}
              </Link>
            </p>
          </li>
        ))}
      </ul>
      {manage && (
        <DecisionForm
          boardId={boardId}
          meetingId={meetingId}
          roadmap={roadmap}
          lang={lang}
          onRecorded={onRecorded}
        />
      )}
    </section>
  );
}

function DecisionForm({
  boardId,
  meetingId,
  roadmap,
  lang,
  onRecorded,
}: {
  boardId: string;
  meetingId: string;
  roadmap: Roadmap | null;
  lang: Lang;
  onRecorded: (decision: Decision) => void;
}) {
  const t = meetingStrings[lang];
  const id = useId();
  const [fr, setFr] = useState('');
  const [en, setEn] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const { busy, error, setError, done, setDone, save } = useSaving(lang);
  const first = useRef<HTMLTextAreaElement>(null);
  const { cards, items } = targetChoices(roadmap, lang);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (fr.trim() === '' && en.trim() === '') {
      setError(t.decisionNeeded);
      first.current?.focus();
      return;
    }
    await save(async () => {
      const targets = [...chosen].flatMap((key) => {
        const target = parseTargetKey(key);
        return target ? [target as MeetingTarget] : [];
      });
      const decision = await recordDecision(boardId, meetingId, {
        text: { fr: fr.trim(), en: en.trim() },
        targets,
      });
      onRecorded(decision);
      setFr('');
      setEn('');
      setChosen(new Set());
      setDone(format(t.decisionRecorded, { version: decision.versionName }));
      first.current?.focus();
    });
  };
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };
  return (
    <form
      className="fdr-meeting-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(event) => void submit(event)}
      data-testid="decision-form"
      noValidate
    >
      <h3 id={`${id}-h`}>{t.recordDecisionHeading}</h3>
      <p id={`${id}-hint`} className="fdr-hint">
        {t.decisionHint}
      </p>
      <div className="fdr-meeting-form__grid">
        <BilingualFields
          id={id}
          labelFr={t.decisionFr}
          labelEn={t.decisionEn}
          fr={fr}
          en={en}
          onFr={setFr}
          onEn={setEn}
          maxLength={DECISION_TEXT_MAX}
          multiline
          describedBy={`${id}-hint`}
          testIdFr="decision-text-fr"
          testIdEn="decision-text-en"
          firstRef={first}
        />
      </div>
      <fieldset className="fdr-checks">
        <legend>{t.concerned}</legend>
        {[...cards, ...items].map((choice) => (
          <label key={choice.key} className="fdr-check">
            <input
              type="checkbox"
              value={choice.key}
              checked={chosen.has(choice.key)}
              onChange={(event) => toggle(choice.key, event.target.checked)}
              data-testid="decision-target"
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        className="fdr-button fdr-button--primary"
        disabled={busy}
        data-testid="decision-record"
      >
        {t.recordDecision}
      </button>
      <SaveStatus error={error} done={done} />
    </form>
  );
}
