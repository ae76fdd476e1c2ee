import './comments.css';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../errorText.ts';
import { format, formatDateTime } from '../i18n/format.ts';
import { CommentBody } from './CommentBody.tsx';
import { CommentComposer } from './CommentComposer.tsx';
import { commentStrings } from './commentStrings.ts';
import {
  type BoardPerson,
  boardPeople,
  type CommentTarget,
  type CommentView,
  deleteComment,
  editComment,
  hideComment,
  postComment,
} from './commentsApi.ts';
import { type Thread, threadsOf } from './threads.ts';
import { useThread } from './useComments.ts';
import { type CommentViewer, mayComment, mayHide } from './viewer.ts';

const peopleCache = new Map<string, Promise<BoardPerson[]>>();

/** The board's people for mentions, asked once per board and page. */
function usePeople(boardId: string, wanted: boolean): BoardPerson[] | null {
  const [people, setPeople] = useState<BoardPerson[] | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    let request = peopleCache.get(boardId);
    if (!request) {
      request = boardPeople(boardId);
      peopleCache.set(boardId, request);
      request.catch(() => peopleCache.delete(boardId));
    }
    request.then((list) => live && setPeople(list)).catch(() => {});
    return () => {
      live = false;
    };
  }, [boardId, wanted]);
  return people;
}

/**
 * A card's or roadmap item's conversation: threads (a first comment and its replies), each with
 * its author and time, "edited", placeholders for deleted and hidden comments; the author edits
 * or deletes their own, the secretariat hides; everyone who writes replies or starts a thread.
 * Observers read only, and are told so.
 */
export function CommentThread({
  boardId,
  target,
  lang,
  viewer,
  autoFocus = false,
}: {
  boardId: string;
  target: CommentTarget;
  lang: 'fr' | 'en';
  viewer: CommentViewer;
  /** Opened from a link to the thread: focus the new comment's box (or the list). */
  autoFocus?: boolean;
}) {
  const t = commentStrings[lang];
  const { state, reload, put } = useThread(boardId, target);
  const writes = mayComment(viewer);
  const people = usePeople(boardId, writes);
  const [status, setStatus] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus && !writes) listRef.current?.focus();
  }, [autoFocus, writes]);

  const fail = (error: unknown) => new Error(errorText(error, lang));
  const post = async (body: string, parentId: string | null) => {
    try {
      put(await postComment(boardId, { id: crypto.randomUUID(), target, parentId, body }));
      setStatus(t.posted);
    } catch (error) {
      throw fail(error);
    }
  };

  return (
    <div className="fdr-comments" data-testid="comment-thread">
      {!writes && (
        <p className="fdr-panel__note" role="note" data-testid="comments-read-only">
          {t.readOnly}
        </p>
      )}
      <div
        ref={listRef}
        tabIndex={-1}
        className="fdr-comments__list"
        aria-busy={state.kind === 'loading'}
      >
        {state.kind === 'loading' && <p role="status">{t.loading}</p>}
        {state.kind === 'error' && (
          <div role="alert" className="fdr-error">
            <p>{format(t.loadFailed, { message: errorText(state.error, lang) })}</p>
            <button type="button" className="fdr-button" onClick={reload}>
              {t.retry}
            </button>
          </div>
        )}
        {state.kind === 'ready' &&
          (state.comments.length === 0 ? (
            <p className="fdr-hint" data-testid="comments-empty">
              {t.empty}
            </p>
          ) : (
            <ol className="fdr-threads">
              {threadsOf(state.comments).map((thread) => (
                <ThreadView
                  key={thread.root.id}
                  thread={thread}
                  boardId={boardId}
                  lang={lang}
                  viewer={viewer}
                  people={people}
                  onChanged={(comment, message) => {
                    put(comment);
                    setStatus(message);
                  }}
                  onReply={(body) => post(body, thread.root.id)}
                  fail={fail}
                />
              ))}
            </ol>
          ))}
      </div>
      <p className="fdr-sr-only" aria-live="polite">
        {status}
      </p>
      {writes && (
        <CommentComposer
          label={t.newComment}
          submitLabel={t.send}
          lang={lang}
          people={people}
          onSubmit={(body) => post(body, null)}
          autoFocus={autoFocus}
        />
      )}
    </div>
  );
}

function ThreadView({
  thread,
  boardId,
  lang,
  viewer,
  people,
  onChanged,
  onReply,
  fail,
}: {
  thread: Thread;
  boardId: string;
  lang: 'fr' | 'en';
  viewer: CommentViewer;
  people: BoardPerson[] | null;
  onChanged: (comment: CommentView, message: string) => void;
  onReply: (body: string) => Promise<void>;
  fail: (error: unknown) => Error;
}) {
  const t = commentStrings[lang];
  const [replying, setReplying] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const closeReply = () => {
    setReplying(false);
    // Focus goes back where the reply started.
    requestAnimationFrame(() => replyButton.current?.focus());
  };
  const name = thread.root.author.name || t.someone;
  return (
    <li className="fdr-thread" data-comment-id={thread.root.id}>
      <CommentItem
        comment={thread.root}
        boardId={boardId}
        lang={lang}
        viewer={viewer}
        people={people}
        onChanged={onChanged}
        fail={fail}
      />
      {thread.replies.length > 0 && (
        <ol className="fdr-thread__replies">
          {thread.replies.map((reply) => (
            <li key={reply.id} data-comment-id={reply.id}>
              <CommentItem
                comment={reply}
                boardId={boardId}
                lang={lang}
                viewer={viewer}
                people={people}
                onChanged={onChanged}
                fail={fail}
                reply
              />
            </li>
          ))}
        </ol>
      )}
      {mayComment(viewer) &&
        (replying ? (
          <CommentComposer
            label={format(t.newReply, { name })}
            submitLabel={t.sendReply}
            lang={lang}
            people={people}
            onSubmit={async (body) => {
              await onReply(body);
              closeReply();
            }}
            onCancel={closeReply}
            autoFocus
            testId="reply-composer"
          />
        ) : (
          <button
            ref={replyButton}
            type="button"
            className="fdr-button fdr-button--quiet"
            aria-label={format(t.replyLabel, { name })}
            onClick={() => setReplying(true)}
            data-testid="comment-reply"
          >
            {t.reply}
          </button>
        ))}
    </li>
  );
}

function CommentItem({
  comment,
  boardId,
  lang,
  viewer,
  people,
  onChanged,
  fail,
  reply = false,
}: {
  comment: CommentView;
  boardId: string;
  lang: 'fr' | 'en';
  viewer: CommentViewer;
  people: BoardPerson[] | null;
  onChanged: (comment: CommentView, message: string) => void;
  fail: (error: unknown) => Error;
  reply?: boolean;
}) {
  const t = commentStrings[lang];
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const gone = comment.deleted || comment.hidden || comment.body === null;
  const own = viewer.userId !== null && viewer.userId === comment.author.id;
  const name = comment.author.name || t.someone;
  const date = formatDateTime(comment.createdAt, lang);
  const act = async (run: () => Promise<CommentView>, message: string) => {
    setError(null);
    try {
      onChanged(await run(), message);
    } catch (failure) {
      setError(errorText(failure, lang));
    }
  };
  return (
    <article
      className={`fdr-comment${gone ? ' fdr-comment--gone' : ''}`}
      aria-label={format(reply ? t.replyBy : t.commentBy, { name })}
      data-testid="comment"
    >
      <header className="fdr-comment__head">
        <span className="fdr-comment__author">{name}</span>{' '}
        <time className="fdr-comment__time" dateTime={new Date(comment.createdAt).toISOString()}>
          {date}
        </time>
        {comment.editedAt !== null && !gone && (
          <span
            className="fdr-comment__edited"
            title={format(t.editedAt, { date: formatDateTime(comment.editedAt, lang) })}
          >
            {' '}
            · {t.edited}
          </span>
        )}
      </header>
      {gone ? (
        <p className="fdr-comment__placeholder" data-testid="comment-placeholder">
          {comment.hidden ? t.hidden : t.deleted}
        </p>
      ) : editing ? (
        <CommentComposer
          label={t.editing}
          submitLabel={t.save}
          lang={lang}
          people={people}
          initial={comment.body ?? ''}
          autoFocus
          onSubmit={async (body) => {
            try {
              onChanged(await editComment(boardId, comment.id, body), t.saved);
            } catch (failure) {
              throw fail(failure);
            }
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
          testId="comment-edit"
        />
      ) : (
        <CommentBody comment={comment} lang={lang} />
      )}
      {!gone && !editing && (own || mayHide(viewer)) && (
        <div className="fdr-comment__actions">
          {own && (
            <button
              ref={editButton}
              type="button"
              className="fdr-button fdr-button--quiet"
              aria-label={format(t.editLabel, { date })}
              onClick={() => setEditing(true)}
              data-testid="comment-edit-button"
            >
              {t.edit}
            </button>
          )}
          {own && (
            <button
              type="button"
              className="fdr-button fdr-button--quiet fdr-button--danger-quiet"
              aria-label={format(t.removeLabel, { date })}
              onClick={() => {
                if (window.confirm(t.removeConfirm))
                  void act(() => deleteComment(boardId, comment.id), t.removed);
              }}
              data-testid="comment-delete"
            >
              {t.remove}
            </button>
          )}
          {!own && mayHide(viewer) && (
            <button
              type="button"
              className="fdr-button fdr-button--quiet fdr-button--danger-quiet"
              aria-label={format(t.hideLabel, { name })}
              onClick={() => {
                if (window.confirm(t.hideConfirm))
                  void act(() => hideComment(boardId, comment.id), t.hiddenDone);
              }}
              data-testid="comment-hide"
            >
              {t.hide}
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="fdr-error">
          {error}
        </p>
      )}
    </article>
  );
}
