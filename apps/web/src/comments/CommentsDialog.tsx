import { format } from '../i18n/format.ts';
import { Dialog } from '../table/Dialog.tsx';
import { CommentThread } from './CommentThread.tsx';
import { commentStrings } from './commentStrings.ts';
import type { CommentTarget } from './commentsApi.ts';
import type { CommentViewer } from './viewer.ts';

/** A card's or item's conversation in a modal dialog (the table view); Escape or Close. */
export function CommentsDialog({
  boardId,
  target,
  label,
  lang,
  viewer,
  onClose,
}: {
  boardId: string;
  target: CommentTarget;
  label: string;
  lang: 'fr' | 'en';
  viewer: CommentViewer;
  onClose: () => void;
}) {
  const t = commentStrings[lang];
  return (
    <Dialog
      heading={format(t.dialogHeading, { label })}
      onClose={onClose}
      testId="comments-dialog"
      wide
    >
      <CommentThread boardId={boardId} target={target} lang={lang} viewer={viewer} />
      <div className="fdr-actions">
        <button type="button" className="fdr-button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Dialog>
  );
}
