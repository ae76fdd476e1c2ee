import type { KeyboardEvent } from 'react';

/**
 * Enter in a text field submits its form, but browsers do nothing on Enter in a closed
 * `<select>`: a keyboard user who picked a value would have to Tab to the button. In dialogs and
 * panels, Enter on a select submits its form too (`requestSubmit`, so the form's own checks run).
 */
export function enterSubmits(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.defaultPrevented) return;
  if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.nativeEvent.isComposing) return;
  const target = event.target;
  if (!(target instanceof HTMLSelectElement) || target.form === null) return;
  event.preventDefault();
  target.form.requestSubmit();
}
