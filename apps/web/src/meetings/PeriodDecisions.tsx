import './record.css';
import { useEffect, useId, useState } from 'react';
import { errorText } from '../errorText.ts';
import { format, formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import { decisionsPath, versionPath } from '../router.ts';
import { BothLanguages } from './BothLanguages.tsx';
import { decisionsBetween } from './decisionsBetween.ts';
import { type Decision, listDecisions } from './meetingApi.ts';
import { recordStrings } from './recordStrings.ts';
import { targetName } from './targetNames.ts';
import { useTargetNames } from './useTargetNames.ts';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; decisions: Decision[] };

/**
 * The decisions recorded between two states of the board, for "since the last meeting"
 * (`since-decisions`) and a comparison (`compare-decisions`): text, meeting, what it concerns.
 */
export function PeriodDecisions({
  boardId,
  from,
  fromVersionId,
  to,
  toVersionId,
  lang,
  testId,
  heading,
  headingLevel = 2,
}: {
  boardId: string;
  from: number;
  fromVersionId: string | null;
  to: number | null;
  toVersionId: string | null;
  lang: Lang;
  testId: 'since-decisions' | 'compare-decisions';
  /** With `{count}`. */
  heading: string;
  headingLevel?: 2 | 3;
}) {
  const t = recordStrings[lang];
  const id = useId();
  const names = useTargetNames(boardId);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    // From the start only: the decision that made the newer state comes a moment after it.
    listDecisions(boardId, { from })
      .then(
        (decisions) =>
          live &&
          setLoaded({
            kind: 'ready',
            decisions: decisionsBetween(decisions, { from, fromVersionId, to, toVersionId }),
          }),
      )
      .catch((error) => live && setLoaded({ kind: 'error', message: errorText(error, lang) }));
    return () => {
      live = false;
    };
  }, [boardId, from, fromVersionId, to, toVersionId, lang]);

  const H = `h${headingLevel}` as 'h2' | 'h3';
  const list = loaded.kind === 'ready' ? loaded.decisions : [];
  return (
    <section aria-labelledby={`${id}-h`} data-testid={testId} className="fdr-period-decisions">
      <H id={`${id}-h`}>{format(heading, { count: list.length })}</H>
      {loaded.kind === 'loading' && <p role="status">{t.decisionsLoading}</p>}
      {loaded.kind === 'error' && (
        <p role="alert" className="fdr-error">
          {format(t.sinceDecisionsFailed, { message: loaded.message })}
        </p>
      )}
      {loaded.kind === 'ready' && list.length === 0 && (
        <p className="fdr-hint">{t.sinceDecisionsNone}</p>
      )}
      {list.length > 0 && (
        <ul className="fdr-since__list">
          {list.map((decision) => (
            <li key={decision.id} data-decision-id={decision.id}>
              <p className="fdr-record__text">
                <BothLanguages text={decision.text} lang={lang} />
              </p>
              <p className="fdr-record__meta">
                {format(t.meetingOn, {
                  meeting:
                    decision.meetingTitle[lang].trim() ||
                    decision.meetingTitle[lang === 'fr' ? 'en' : 'fr'],
                  date: formatDate(decision.heldOn, lang),
                })}
                {decision.targets.length > 0 &&
                  ` · ${format(t.concerns, {
                    targets: decision.targets
                      .map((target) => targetName(target, names, lang))
                      .join(', '),
                  })}`}
                {' · '}
                <Link href={versionPath(boardId, decision.versionId)}>
                  {format(t.versionLink, { name: decision.versionName })}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.length > 0 && (
        <p className="fdr-hint fdr-no-print">
          <Link href={decisionsPath(boardId)}>{t.decisionsTitle}</Link>
        </p>
      )}
    </section>
  );
}
