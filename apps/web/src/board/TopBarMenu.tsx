import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { viewStrings } from '../i18n/viewStrings.ts';

/**
 * The top bar's links: the views in the bar from 1280 px, the others (members, reports) under a
 * "Menu" button; below 1280 px the views fold under it too (see board.css), so the board's title
 * keeps its room on a laptop or a phone. Escape or a click outside closes the open menu.
 */
export function TopBarMenu({
  lang,
  views,
  children,
}: {
  lang: Lang;
  views: ReactNode;
  children: ReactNode;
}) {
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
      <div id="fdr-topbar-links" className="fdr-topbar__drop">
        <div className="fdr-topbar__views">{views}</div>
        <div className="fdr-topbar__links">{children}</div>
      </div>
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
    </div>
  );
}
