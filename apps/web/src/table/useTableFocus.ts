import { useEffect, useLayoutEffect, useRef } from 'react';
import { selectedCardInUrl } from './selectionInUrl.ts';

/**
 * Where focus goes after a dialog: a card's or a roadmap item's row button (the row may have
 * moved), or a control by selector.
 */
export type FocusTarget =
  | { cardId: string; action: string }
  | { itemId: string; action: string }
  | { selector: string };

function rowSelector(target: FocusTarget): string | null {
  if ('cardId' in target) return `tr[data-card-id="${CSS.escape(target.cardId)}"]`;
  if ('itemId' in target) return `tr[data-item-id="${CSS.escape(target.itemId)}"]`;
  return null;
}

/**
 * Focus in the table page: on arrival from the canvas, the selected card's row; after a dialog
 * closes, the target set in the returned ref. `dialogOpen` keeps focus in the dialog meanwhile.
 */
export function useTableFocus(dialogOpen: boolean) {
  const focusNext = useRef<FocusTarget | null>(null);
  // Arriving from the canvas with a selected card: bring its row into view and focus it.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current) return;
    arrived.current = true;
    const cardId = selectedCardInUrl();
    if (!cardId) return;
    const cell = document.querySelector<HTMLElement>(`tr[data-card-id="${CSS.escape(cardId)}"] th`);
    if (cell) {
      cell.tabIndex = -1;
      cell.focus();
      cell.scrollIntoView({ block: 'center' });
    }
  });

  // After a dialog closes: back to the row's button (found again: a move re-renders the row
  // in another table), or to the control named. A layout effect: before the next key is handled.
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target || dialogOpen) return;
    focusNext.current = null;
    const row = rowSelector(target);
    const element =
      row !== null && 'action' in target
        ? (document.querySelector<HTMLElement>(`${row} [data-action="${target.action}"]`) ??
          document.querySelector<HTMLElement>(`${row} th`))
        : 'selector' in target
          ? document.querySelector<HTMLElement>(target.selector)
          : null;
    if (element) {
      if (element.tabIndex < 0 && element.tagName === 'TH') element.tabIndex = -1;
      element.focus();
    }
  });

  return focusNext;
}
