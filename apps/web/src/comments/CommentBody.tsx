import { format } from '../i18n/format.ts';
import { bodyParts } from './commentBody.ts';
import { commentStrings } from './commentStrings.ts';
import type { CommentView } from './commentsApi.ts';

/** A comment's text with its mentions as `@Name` chips (only those the server kept). */
export function CommentBody({ comment, lang }: { comment: CommentView; lang: 'fr' | 'en' }) {
  if (comment.body === null) return null;
  const members = new Set(comment.mentions.map((m) => m.id));
  return (
    <p className="fdr-comment__body">
      {bodyParts(comment.body, members).map((part, index) =>
        part.kind === 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: positional parts of one text
          <span key={index}>{part.text}</span>
        ) : (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: positional parts of one text
            key={index}
            className="fdr-mention"
            title={format(commentStrings[lang].mentionOf, { name: part.name })}
            data-user-id={part.id}
          >
            @{part.name}
          </span>
        ),
      )}
    </p>
  );
}
