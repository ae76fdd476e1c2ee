import './comments.css';
import type { Roadmap } from '@fdr/model';
import { useEffect, useState } from 'react';
import { errorText } from '../errorText.ts';
import { format, formatDateTime } from '../i18n/format.ts';
import { excerpt } from './commentBody.ts';
import { commentStrings } from './commentStrings.ts';
import { commentsSince, type ReportedComment } from './commentsApi.ts';
import { type Discussion, discussionsOf } from './discussions.ts';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; comments: ReportedComment[] };

/**
 * "Discussions": the threads with comments since `since` (the last meeting's version), one entry
 * per card or roadmap item with the count and the latest excerpt. For the "since the last
 * meeting" page and the meeting pack.
 */
export function Discussions({
  boardId,
  since,
  lang,
  roadmap = null,
  heading,
  headingLevel = 2,
}: {
  boardId: string;
  since: number;
  lang: 'fr' | 'en';
  roadmap?: Roadmap | null;
  /** The section's title; "Discussions (n)" by default. */
  heading?: string;
  headingLevel?: 2 | 3;
}) {
  const t = commentStrings[lang];
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    commentsSince(boardId, since)
      .then((comments) => live && setState({ kind: 'ready', comments }))
      .catch((error) => live && setState({ kind: 'error', error }));
    return () => {
      live = false;
    };
  }, [boardId, since]);
  const list = state.kind === 'ready' ? discussionsOf(state.comments, lang, roadmap) : [];
  const H = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <section aria-labelledby="discussions-heading" data-testid="discussions">
      <H id="discussions-heading">{heading ?? format(t.discussions, { count: list.length })}</H>
      {state.kind === 'loading' && <p role="status">{t.discussionsLoading}</p>}
      {state.kind === 'error' && (
        <p role="alert" className="fdr-error">
          {format(t.discussionsFailed, { message: errorText(state.error, lang) })}
        </p>
      )}
      {state.kind === 'ready' && list.length === 0 && (
        <p className="fdr-hint">{t.discussionsNone}</p>
      )}
      <DiscussionList list={list} lang={lang} headingLevel={headingLevel} />
    </section>
  );
}

/** The discussions as a list: each target's name, count, latest author, time and excerpt. */
export function DiscussionList({
  list,
  lang,
  headingLevel = 2,
}: {
  list: readonly Discussion[];
  lang: 'fr' | 'en';
  headingLevel?: 2 | 3;
}) {
  const t = commentStrings[lang];
  const H2 = `h${headingLevel + 1}` as 'h3' | 'h4';
  if (list.length === 0) return null;
  return (
    <ul className="fdr-discussions">
      {list.map((d) => {
        const readable = d.latest.body !== null && !d.latest.deleted && !d.latest.hidden;
        return (
          <li
            key={`${d.targetKind}:${d.targetId}`}
            data-card-id={d.targetKind === 'card' ? d.targetId : undefined}
            data-item-id={d.targetKind === 'item' ? d.targetId : undefined}
          >
            <H2 className="fdr-since__card">
              {d.label ??
                format(t.unknownTarget, {
                  kind: d.targetKind === 'card' ? t.card : t.item,
                  id: d.targetId,
                })}
            </H2>
            <p>
              {d.count === 1 ? t.discussionOne : format(t.discussionCount, { count: d.count })}.{' '}
              {format(t.latest, {
                name: d.latest.author.name || t.someone,
                date: formatDateTime(d.latest.createdAt, lang),
              })}
            </p>
            <blockquote>
              {readable ? excerpt(d.latest.body ?? '') : d.latest.hidden ? t.hidden : t.deleted}
            </blockquote>
          </li>
        );
      })}
    </ul>
  );
}
