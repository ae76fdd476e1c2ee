import { useEffect, useId, useRef } from 'react';
import { format } from '../i18n/format.ts';
import { CommentThread } from './CommentThread.tsx';
import { commentStrings } from './commentStrings.ts';
import type { CommentTarget } from './commentsApi.ts';
import { countOf, useCommentCounts } from './useComments.ts';
import type { CommentViewer } from './viewer.ts';

/**
 * "Comments (n)" in a side panel (a card's, a roadmap item's). `focus`: the panel was opened on
 * its thread (a link, a notification): the section is scrolled into view and focused.
 */
export function CommentsSection({
  boardId,
  target,
  lang,
  viewer,
  focus = false,
}: {
  boardId: string;
  target: CommentTarget;
  lang: 'fr' | 'en';
  viewer: CommentViewer;
  focus?: boolean;
}) {
  const t = commentStrings[lang];
  const id = useId();
  const count = countOf(useCommentCounts(boardId), target);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    // After the panel's own first focus (its first field or heading).
    const frame = requestAnimationFrame(() => {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focus]);
  return (
    <section className="fdr-panel__section" aria-labelledby={id} data-testid="comments-section">
      <h3 id={id} ref={heading} tabIndex={-1}>
        {format(t.headingCount, { count })}
      </h3>
      <CommentThread boardId={boardId} target={target} lang={lang} viewer={viewer} />
    </section>
  );
}
