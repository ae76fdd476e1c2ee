import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';
import { enterSubmits } from '../overlay/enterSubmits.ts';

/**
 * A modal dialog on the native `<dialog>` element: the browser keeps focus inside it and makes
 * the page behind it inert, and Escape closes it. Focus goes to the first field on open; the
 * caller decides where it goes on close (the control that opened it may have moved).
 */
export function Dialog({
  heading,
  onClose,
  children,
  testId,
  wide = false,
}: {
  heading: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    // The marked field first (the checked status), else the first field of the form.
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, button');
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`fdr-dialog fdr-native-dialog ${wide ? 'fdr-native-dialog--wide' : ''}`}
      aria-labelledby={`${id}-heading`}
      data-testid={testId}
      onKeyDown={enterSubmits}
      onCancel={(event) => {
        // Escape: React state decides whether the dialog exists, not the browser.
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </dialog>
  );
}
