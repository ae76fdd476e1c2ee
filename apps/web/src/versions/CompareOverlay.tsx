import { localize } from '@fdr/model';
import { useEditor, useValue } from 'tldraw';
import { useBoard } from '../board/BoardContext.tsx';
import { format } from '../i18n/format.ts';
import { versionStrings } from '../i18n/versionStrings.ts';
import type { Badge, ItemBadge } from './compareHighlights.ts';
import { useHighlights } from './HighlightContext.ts';

const BADGE_KEY: Record<Badge, keyof (typeof versionStrings)['fr']> = {
  moved: 'badgeMoved',
  added: 'badgeAdded',
  renamed: 'badgeRenamed',
  status: 'badgeStatus',
  checkin: 'badgeCheckin',
  edited: 'badgeEdited',
  reordered: 'badgeReordered',
  restored: 'badgeRestored',
};

const ITEM_BADGE_KEY: Record<ItemBadge, keyof (typeof versionStrings)['fr']> = {
  added: 'badgeAdded',
  moved: 'badgeMoved',
  respanned: 'badgeRespanned',
  edited: 'badgeEdited',
};

/**
 * The changes of a comparison over the canvas, in screen space (readable at every zoom): a
 * written label and an outline on each changed card, a dashed ghost in the old cell of a card
 * that moved or left, and an arrow from the ghost to where a moved card is now. The list beside
 * the canvas says the same for screen readers; this layer is decoration for the eye.
 */
export function CompareOverlay() {
  const editor = useEditor();
  const highlights = useHighlights();
  const { view, lang } = useBoard();
  const t = versionStrings[lang];
  const layout = useValue('layout', () => view.layout.get(), [view]);
  const camera = useValue('camera', () => editor.getCamera(), [editor]);
  if (!highlights || !layout) return null;
  const z = camera.z;
  // A slot is drawn at its card's size: a card spanning periods is a wide strip.
  type Place = { x: number; y: number; w: number; h: number };
  const box = (at: Place) => ({
    left: (at.x + camera.x) * z,
    top: (at.y + camera.y) * z,
    width: at.w * z,
    height: at.h * z,
  });
  const centre = (at: Place) => ({
    x: (at.x + at.w / 2 + camera.x) * z,
    y: (at.y + at.h / 2 + camera.y) * z,
  });
  const arrows = highlights.ghosts.flatMap((ghost) => {
    if (ghost.kind !== 'moved') return [];
    const from = layout.cards.get(ghost.slotId);
    const to = layout.cards.get(ghost.cardId);
    if (!from || !to) return [];
    return [{ id: ghost.cardId, a: centre(from), b: centre(to) }];
  });
  return (
    <div className="fdr-compare" aria-hidden="true" data-testid="compare-overlay">
      <svg className="fdr-compare__arrows" width="100%" height="100%" aria-hidden="true">
        <defs>
          <marker
            id="fdr-arrow-head"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#6a1b9a" />
          </marker>
        </defs>
        {arrows.map((arrow) => (
          <line
            key={arrow.id}
            x1={arrow.a.x}
            y1={arrow.a.y}
            x2={arrow.b.x}
            y2={arrow.b.y}
            className="fdr-compare__arrow"
            markerEnd="url(#fdr-arrow-head)"
            data-card-id={arrow.id}
          />
        ))}
      </svg>
      {highlights.ghosts.map((ghost) => {
        const place = layout.cards.get(ghost.slotId);
        if (!place) return null;
        const text =
          ghost.kind === 'moved'
            ? t.ghostMoved
            : ghost.kind === 'archived'
              ? t.ghostArchived
              : t.ghostRemoved;
        return (
          <div
            key={ghost.slotId}
            className={`fdr-compare__ghost fdr-compare__ghost--${ghost.kind}`}
            style={box(place)}
            data-testid="compare-ghost"
            data-card-id={ghost.cardId}
            data-kind={ghost.kind}
          >
            <span style={{ fontSize: Math.max(11, 14 * z) }}>
              {format(text, { title: localize(ghost.title, lang) })}
            </span>
          </div>
        );
      })}
      {[...highlights.badges].map(([cardId, badges]) => {
        const place = layout.cards.get(cardId);
        if (!place) return null;
        return (
          <div
            key={cardId}
            className="fdr-compare__changed"
            style={box(place)}
            data-testid="compare-badge"
            data-card-id={cardId}
          >
            <span className="fdr-compare__badges">
              {badges.map((badge) => (
                <span key={badge} className={`fdr-compare__badge fdr-compare__badge--${badge}`}>
                  {t[BADGE_KEY[badge]]}
                </span>
              ))}
            </span>
          </div>
        );
      })}
      {[...highlights.itemBadges].map(([itemId, badges]) => {
        const place = layout.items.get(itemId);
        if (!place) return null;
        return (
          <div
            key={itemId}
            className="fdr-compare__changed fdr-compare__changed--item"
            style={box(place)}
            data-testid="compare-item-badge"
            data-item-id={itemId}
          >
            <span className="fdr-compare__badges">
              {badges.map((badge) => (
                <span key={badge} className={`fdr-compare__badge fdr-compare__badge--${badge}`}>
                  {t[ITEM_BADGE_KEY[badge]]}
                </span>
              ))}
            </span>
          </div>
        );
      })}
    </div>
  );
}
