import { type Lang, strings } from '../i18n/strings.ts';
import { Dialog } from './Dialog.tsx';

/**
 * "Are you sure?" before an action that takes something off the board: the question, the
 * action's (danger) button, which takes focus, and Cancel.
 */
export function ConfirmDialog({
  heading,
  question,
  action,
  lang,
  onConfirm,
  onClose,
  testId,
  confirmTestId,
}: {
  heading: string;
  question: string;
  action: string;
  lang: Lang;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
  confirmTestId: string;
}) {
  return (
    <Dialog heading={heading} onClose={onClose} {...(testId ? { testId } : {})}>
      <p>{question}</p>
      <div className="fdr-actions">
        <button
          type="button"
          className="fdr-button fdr-button--danger"
          data-testid={confirmTestId}
          onClick={onConfirm}
        >
          {action}
        </button>
        <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
          {strings[lang].cancel}
        </button>
      </div>
    </Dialog>
  );
}
