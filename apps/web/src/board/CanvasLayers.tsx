import { localize } from '@fdr/model';
import { useEditor, useValue } from 'tldraw';
import { format, formatMonth } from '../i18n/format.ts';
import { strings } from '../i18n/strings.ts';
import { useBoard } from './BoardContext.tsx';
import { MIN_TEXT_PX } from './detailLevel.ts';
import { LABEL_MIN_PX, PINNED_TOP_PX } from './fitBoard.ts';
import { labelTextWidth } from './labelTextWidth.ts';
import { CARD_H, CARD_W, HEADER_H, LABEL_W } from './layout.ts';

/** A lane label scrolled away stays as a strip this wide, its text upright. */
const LABEL_STRIP_PX = 28;
/** Below this width a lane label is a strip. */
const LABEL_WIDE_PX = 96;
/** A phase header narrower than this shows its name only (dates in its tooltip). */
const COLUMN_DATES_PX = 190;
/** A phase header narrower than this shows its number only (its name in its tooltip). */
const COLUMN_NAME_PX = 96;

/**
 * The swimlane grid, drawn in page space behind the shapes: lane bands, cell borders and the
 * header band. It is not made of shapes, so nothing on it can be selected, moved or deleted.
 */
export function GridBackground() {
  const { view } = useBoard();
  const layout = useValue('layout', () => view.layout.get(), [view]);
  if (!layout) return null;
  const top = layout.lanes[0]?.y ?? HEADER_H;
  return (
    <div className="fdr-grid" aria-hidden="true">
      <div
        className="fdr-grid__header"
        style={{ left: 0, top: 0, width: layout.width, height: top }}
      />
      {layout.lanes.map((lane, index) => (
        <div
          key={lane.domainId}
          className={`fdr-grid__lane ${index % 2 === 1 ? 'fdr-grid__lane--alt' : ''}`}
          style={{ left: 0, top: lane.y, width: layout.width, height: lane.h }}
        >
          <div
            className="fdr-grid__lane-label"
            style={{ width: LABEL_W, background: lane.colour }}
          />
        </div>
      ))}
      {layout.columns.map((column) => (
        <div
          key={column.phaseId}
          className="fdr-grid__column"
          style={{ left: column.x, top: 0, width: column.w, height: layout.height }}
        />
      ))}
    </div>
  );
}

/** Whole lines of a lane label (line height 1.2) in a lane this tall on screen: 1 to 3. */
function linesIn(height: number, fontSize: number): number {
  return Math.max(1, Math.min(3, Math.floor((height - 2) / (fontSize * 1.2))));
}

/**
 * Lane and column headers in screen space: they keep a readable size at every zoom and stick to
 * the edges of the viewport when the grid scrolls under them.
 */
export function StickyHeaders() {
  const editor = useEditor();
  const { view, lang } = useBoard();
  const t = strings[lang];
  const layout = useValue('layout', () => view.layout.get(), [view]);
  const camera = useValue('camera', () => editor.getCamera(), [editor]);
  if (!layout) return null;
  const z = camera.z;
  const sx = (x: number) => (x + camera.x) * z;
  const sy = (y: number) => (y + camera.y) * z;
  // Over the page's label column while it is in view, then stuck to the left edge; the same for
  // the header band at the top. Never narrower or shorter than what its text needs.
  // The label is exactly as wide as what is on screen of the page's label column, so it never
  // covers a cell; when that column scrolls away it becomes a strip with its text upright.
  // When the column is narrower than a lane name needs (the board zoomed out) and there is empty
  // canvas left of it, the label grows leftwards over that margin, never rightwards over cells.
  const labelRight = sx(LABEL_W);
  const base =
    labelRight >= LABEL_MIN_PX
      ? Math.max(LABEL_MIN_PX, labelRight - Math.max(0, sx(0)))
      : Math.max(LABEL_STRIP_PX, labelRight);
  // Zoomed out, a short lane may not hold its name in the lines its height allows at that width:
  // the labels then widen leftwards, over the empty canvas up to the screen's edge, to what the
  // most crowded name needs (in small type), so that no name is cut.
  const needed =
    labelRight >= LABEL_MIN_PX
      ? Math.max(
          0,
          ...layout.lanes.map((lane) => {
            const lines = linesIn(lane.h * z, MIN_TEXT_PX);
            const text = labelTextWidth(localize(lane.label, lang), MIN_TEXT_PX);
            // Slack for lines broken between words, and the label's padding.
            return (text / lines) * 1.2 + 22;
          }),
        )
      : 0;
  const labelW = needed > base ? Math.min(labelRight, needed) : base;
  const widened = labelW > base;
  const labelLeft = Math.max(0, labelRight - labelW);
  const strip = labelW < LABEL_WIDE_PX;
  // The header band likewise: as tall as its text needs, growing upwards over the empty canvas
  // above the board rather than down over the first lane.
  const headerBottom = sy(HEADER_H);
  const headerH = Math.min(PINNED_TOP_PX, Math.max(46, headerBottom - Math.max(0, sy(0))));
  const headerTop = Math.max(0, Math.min(headerBottom - headerH, sy(0)));
  return (
    <div className="fdr-headers">
      <section className="fdr-headers__lanes" aria-label={t.lanes}>
        {layout.lanes.map((lane) => {
          const top = sy(lane.y);
          const height = lane.h * z;
          const label = localize(lane.label, lang);
          const fontSize = widened || height < 40 || labelW < 170 ? MIN_TEXT_PX : 14;
          // As many whole lines as the lane's height holds (three at most), then an ellipsis:
          // never a line cut through its letters in a short lane (its title gives the whole).
          const lines = linesIn(height, fontSize);
          return (
            <div
              key={lane.domainId}
              className={`fdr-lane-label${strip ? ' fdr-lane-label--strip' : ''}`}
              data-domain-id={lane.domainId}
              title={label}
              style={{
                left: labelLeft,
                top,
                width: labelW,
                height,
                background: lane.colour,
                fontSize,
              }}
            >
              <span
                lang={lane.label[lang] === '' ? (lang === 'fr' ? 'en' : 'fr') : lang}
                style={strip ? undefined : { WebkitLineClamp: lines }}
              >
                {label}
              </span>
            </div>
          );
        })}
      </section>
      <div
        className="fdr-headers__columns"
        style={{ top: headerTop, height: headerH, left: 0, right: 0 }}
      >
        {layout.columns.map((column, columnIndex) => {
          const left = sx(column.x);
          const width = column.w * z;
          const label = localize(column.label, lang);
          // Phases and periods are planned by month ("Apr 2027 – Sep 2028").
          // Too narrow for dates or period names: they move to the tooltip; numbers stay.
          const roomy = width >= COLUMN_DATES_PX;
          const sliceRoomy = column.periods.length > 0 && width / column.periods.length >= 96;
          const dates =
            column.end === null
              ? format(t.phaseOpenEnded, { date: formatMonth(column.start, lang) })
              : `${formatMonth(column.start, lang)} – ${formatMonth(column.end, lang)}`;
          return (
            <div
              key={column.phaseId}
              className="fdr-column-header"
              data-phase-id={column.phaseId}
              style={{ left, width, height: headerH }}
              title={`${label} (${dates})`}
            >
              <div className="fdr-column-header__phase">
                <strong>{width >= COLUMN_NAME_PX ? label : columnIndex + 1}</strong>{' '}
                {roomy && <span className="fdr-column-header__dates">{dates}</span>}
              </div>
              {column.periods.length > 0 && (
                <div className="fdr-column-header__periods">
                  {column.periods.map((period, index) => (
                    <span
                      key={period.id}
                      className="fdr-period-header"
                      title={`${localize(period.label, lang)} (${formatMonth(period.start, lang)} – ${formatMonth(period.end, lang)})`}
                    >
                      {sliceRoomy ? localize(period.label, lang) : index + 1}
                    </span>
                  ))}
                </div>
              )}
            </div>
          );
        })}
        <div
          className="fdr-column-header fdr-column-header--corner"
          style={{ left: labelLeft, width: labelW, height: headerH }}
        >
          {t.lanes}
        </div>
      </div>
    </div>
  );
}

/** Cards other people are dragging right now, drawn where their pointer holds them. */
export function DragGhosts() {
  const editor = useEditor();
  const { view, lang } = useBoard();
  const ghosts = useValue('ghosts', () => view.ghosts.get(), [view]);
  const camera = useValue('camera', () => editor.getCamera(), [editor]);
  const roadmap = useValue('roadmap', () => view.roadmap.get(), [view]);
  const layout = useValue('layout', () => view.layout.get(), [view]);
  if (ghosts.length === 0) return null;
  const z = camera.z;
  return (
    <div className="fdr-ghosts" aria-hidden="true">
      {ghosts.flatMap((ghost) =>
        ghost.cards.map((card) => {
          const model = roadmap?.cards.find((c) => c.id === card.cardId);
          return (
            <div
              key={`${ghost.clientId}:${card.cardId}`}
              className="fdr-ghost"
              data-testid="fdr-ghost"
              data-card-id={card.cardId}
              style={{
                left: (card.x + camera.x) * z,
                top: (card.y + camera.y) * z,
                // A card spanning several periods keeps its width while it is dragged.
                width: (layout?.cards.get(card.cardId)?.w ?? CARD_W) * z,
                height: (layout?.cards.get(card.cardId)?.h ?? CARD_H) * z,
                borderColor: ghost.color,
              }}
            >
              <span className="fdr-ghost__who" style={{ background: ghost.color }}>
                {ghost.name}
              </span>
              {model && <span className="fdr-ghost__title">{localize(model.title, lang)}</span>}
            </div>
          );
        }),
      )}
    </div>
  );
}
