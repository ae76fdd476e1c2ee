import './comments.css';
import { format } from '../i18n/format.ts';
import { BubbleIcon } from './BubbleIcon.tsx';
import { commentStrings } from './commentStrings.ts';

/** "Comments (3)" in a table row: opens the card's or item's conversation. */
export function CommentCountButton({
  count,
  label,
  lang,
  onOpen,
}: {
  count: number;
  /** The card's title or the item's label, for the button's name. */
  label: string;
  lang: 'fr' | 'en';
  onOpen: () => void;
}) {
  const t = commentStrings[lang];
  return (
    <button
      type="button"
      className="fdr-button fdr-button--quiet fdr-comment-count"
      aria-label={format(t.openThreadLabel, { label, count })}
      onClick={onOpen}
      data-action="comments"
      data-testid="open-comments"
    >
      <BubbleIcon /> {format(t.openThread, { count })}
    </button>
  );
}
