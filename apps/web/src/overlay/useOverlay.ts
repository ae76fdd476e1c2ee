import { type RefObject, useEffect, useRef, useSyncExternalStore } from 'react';

/*
 * One overlay at a time on a page: the legend, the export menu, the card panel (new or open)
 * and tldraw's style panel never pile up. Opening one closes the one that was open; Escape closes
 * the open one and puts focus back where it was when it opened (its button, the canvas); a
 * pointer press outside a popover closes it. Module state, not React context: overlays live in
 * different trees (the toolbar, the canvas's own UI) and only one page is shown at a time.
 */

interface OpenOverlay {
  readonly key: object;
  /** Called when another overlay opens. */
  readonly replaced: () => void;
}

let current: OpenOverlay | null = null;
const listeners = new Set<() => void>();

function setCurrent(next: OpenOverlay | null): void {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface OverlayOptions {
  /** Whether the overlay is shown now. */
  readonly open: boolean;
  /** Closes it (Escape, a press outside, another overlay opening). */
  readonly close: () => void;
  /** The overlay with the control that toggles it: a press inside is not "outside". */
  readonly root: RefObject<HTMLElement | null>;
  /**
   * False for a side panel people work beside (the card panel): the board stays usable while it
   * is open, so a press on the board does not close it.
   */
  readonly closeOnOutsidePress?: boolean;
  /** What another overlay opening does; `close` by default (a panel with unsaved edits stays). */
  readonly onReplaced?: () => void;
}

export function useOverlay({
  open,
  close,
  root,
  closeOnOutsidePress = true,
  onReplaced,
}: OverlayOptions): void {
  const closeRef = useRef(close);
  closeRef.current = close;
  const replacedRef = useRef(onReplaced);
  replacedRef.current = onReplaced;
  useEffect(() => {
    if (!open) return;
    const key = {};
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const previous = current;
    setCurrent({ key, replaced: () => (replacedRef.current ?? closeRef.current)() });
    previous?.replaced();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || current?.key !== key) return;
      // Captured before the canvas sees it: Escape closes the overlay, and only that.
      event.preventDefault();
      event.stopPropagation();
      closeRef.current();
      if (opener?.isConnected) opener.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      const node = root.current;
      if (!node || (event.target instanceof Node && node.contains(event.target))) return;
      closeRef.current();
    };
    document.addEventListener('keydown', onKeyDown, true);
    if (closeOnOutsidePress) document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
      if (current?.key === key) setCurrent(null);
    };
  }, [open, root, closeOnOutsidePress]);
}

/** Whether one of the page's overlays is open (tldraw's style panel stays out of the way then). */
export function useOverlayOpen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => current !== null,
    () => false,
  );
}
