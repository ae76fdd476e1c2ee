import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { viewStrings } from '../i18n/viewStrings.ts';

/**
 * The top bar's links (views, members, reports): in the bar from 1280 px, folded under a "Menu"
 * button below that (see board.css), so the board's title keeps its room on a laptop or a phone.
 * Escape or a click outside closes the open menu.
 */
export function TopBarMenu({ lang, children }: { lang: Lang; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <div ref={root} className={`fdr-topbar__menu${open ? ' fdr-topbar__menu--open' : ''}`}>
      <button
        ref={button}
        type="button"
        className="fdr-topbar__menu-button"
        aria-expanded={open}
        aria-controls="fdr-topbar-links"
        data-testid="topbar-menu"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰ </span>
        {viewStrings[lang].menu}
      </button>
      <div id="fdr-topbar-links" className="fdr-topbar__links">
        {children}
      </div>
    </div>
  );
}
