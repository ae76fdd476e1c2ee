import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { format } from '../i18n/format.ts';
import {
  activeMention,
  bodyLength,
  COMMENT_MAX_CHARS,
  COUNTER_FROM,
  insertMention,
  matchPeople,
} from './commentBody.ts';
import { commentStrings } from './commentStrings.ts';
import type { BoardPerson } from './commentsApi.ts';

/**
 * A comment's text box with @mentions: the textarea is an ARIA 1.2 combobox whose listbox offers
 * the board's people while an `@name` is being typed (arrows move, Enter or Tab insert, Escape
 * closes the list, not the panel). Picking inserts `@[Name](userId)`. A counter shows near the
 * length limit; the server is the judge of the body.
 */
export function CommentComposer({
  label,
  submitLabel,
  lang,
  people,
  initial = '',
  onSubmit,
  onCancel,
  autoFocus = false,
  testId = 'comment-composer',
}: {
  label: string;
  submitLabel: string;
  lang: 'fr' | 'en';
  /** The board's people for mentions; null while they load (or when they could not be). */
  people: readonly BoardPerson[] | null;
  initial?: string;
  /** Resolves once saved; rejects with the message to show. */
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
  testId?: string;
}) {
  const t = commentStrings[lang];
  const id = useId();
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);

  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    if (pendingCaret.current === null || !box.current) return;
    box.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const mention = activeMention(text, caret);
  const options =
    mention && people && dismissed !== mention.start ? matchPeople(people, mention.query) : [];
  const open = options.length > 0;
  const current = open ? Math.min(active, options.length - 1) : -1;
  const length = bodyLength(text);
  const left = COMMENT_MAX_CHARS - length;

  const pick = (person: BoardPerson) => {
    if (!mention) return;
    const next = insertMention(text, mention.start, caret, person);
    setText(next.text);
    setCaret(next.caret);
    pendingCaret.current = next.caret;
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      const person = options[current];
      if (!person) return;
      event.preventDefault();
      // Enter inside a form would also submit it.
      event.stopPropagation();
      pick(person);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(mention?.start ?? null);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (busy) return;
    if (length === 0) {
      setError(t.emptyBody);
      box.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text.trim());
      setText('');
      setCaret(0);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      box.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const listId = `${id}-people`;
  const hintId = `${id}-hint`;
  const counterId = `${id}-counter`;
  return (
    <form className="fdr-composer" onSubmit={submit} data-testid={testId}>
      <label htmlFor={`${id}-body`} className="fdr-composer__label">
        {label}
      </label>
      <div className="fdr-composer__box">
        <textarea
          ref={box}
          id={`${id}-body`}
          rows={3}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${current}` : undefined}
          aria-describedby={`${hintId}${left <= COUNTER_FROM ? ` ${counterId}` : ''}`}
          aria-invalid={left < 0 || undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setCaret(e.target.selectionStart ?? e.target.value.length);
            setActive(0);
            setError(null);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onKeyDown={onKeyDown}
          data-testid="comment-body"
        />
        <div
          id={listId}
          role="listbox"
          aria-label={t.mentionList}
          className="fdr-mentions"
          hidden={!open}
        >
          {options.map((person, index) => (
            // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox (aria-activedescendant)
            <div
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === current}
              className="fdr-mentions__option"
              onMouseDown={(e) => {
                // Keep focus in the textarea.
                e.preventDefault();
                pick(person);
              }}
              data-testid="mention-option"
            >
              {person.name}
            </div>
          ))}
        </div>
      </div>
      <p id={hintId} className="fdr-hint">
        {t.composerHint}
      </p>
      <p className="fdr-sr-only" aria-live="polite">
        {open
          ? options.length === 1
            ? t.mentionOne
            : format(t.mentionCount, { count: options.length })
          : ''}
      </p>
      {left <= COUNTER_FROM && (
        <p
          id={counterId}
          className={`fdr-composer__counter${left < 0 ? ' fdr-composer__counter--over' : ''}`}
          aria-live="polite"
          data-testid="comment-counter"
        >
          {left < 0 ? format(t.charsOver, { count: -left }) : format(t.charsLeft, { count: left })}
        </p>
      )}
      <ErrorAlert message={error} />
      <div className="fdr-actions">
        <button
          type="submit"
          className="fdr-button fdr-button--primary"
          disabled={busy}
          data-testid="comment-send"
        >
          {busy ? t.sending : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="fdr-button fdr-button--quiet" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
