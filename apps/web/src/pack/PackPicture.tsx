import { localize, type Roadmap } from '@fdr/model';
import { useId, useMemo } from 'react';
import { computeLayout } from '../board/layout.ts';
import { boardPictureElements, PICTURE_FONT, wrap } from '../export/boardPicture.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { printStrings } from './printStrings.ts';
import { type PrintPlan, planPrintTiles, smallestFontSize } from './printTiles.ts';

/**
 * The board picture of the meeting pack: whole on screen, and on paper cut into page-sized tiles
 * (see printTiles.ts). The tiles draw the one copy of the picture through `<use>`, each through
 * four windows: the corner, its columns' headers, its lanes' labels and its cells.
 */
export function PackPicture({
  roadmap,
  lang,
  now,
  screenSvg,
}: {
  roadmap: Roadmap;
  lang: Lang;
  now: Date;
  /** The whole picture as shown on screen (boardPictureSvg). */
  screenSvg: string;
}) {
  const id = `fdr-pack-board-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const { elements, plan, width, height, lanes } = useMemo(() => {
    const elements = boardPictureElements(roadmap, { lang, now, cards: true });
    const layout = computeLayout(roadmap);
    return {
      elements,
      plan: planPrintTiles(layout, smallestFontSize(elements)),
      width: layout.width,
      height: layout.height,
      lanes: layout.lanes,
    };
  }, [roadmap, lang, now]);
  return (
    <>
      {/* Markup built by boardPictureSvg, which escapes every text it draws. */}
      <div
        className="fdr-pack__svg"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: generated SVG, all text escaped
        dangerouslySetInnerHTML={{ __html: screenSvg }}
      />
      {/* The same picture, for print only (the screen's copy says it all to assistive tech). */}
      <div className="fdr-pack__tiles" aria-hidden="true" data-mm-per-unit={plan.mmPerUnit}>
        <svg
          className="fdr-pack__defs"
          aria-hidden="true"
          width="0"
          height="0"
          viewBox={`0 0 ${width} ${height}`}
        >
          <defs>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: generated SVG, all text escaped */}
            <g id={id} dangerouslySetInnerHTML={{ __html: elements }} />
          </defs>
        </svg>
        {plan.tiles.map((tile, index) => (
          <Tile
            key={`${tile.x.from}-${tile.y.from}`}
            tile={tile}
            plan={plan}
            use={`#${id}`}
            caption={tileCaption(roadmap, lang, tile, index, plan.tiles.length, plan.leftOut)}
            continued={continuedLane(lanes, tile, lang)}
          />
        ))}
      </div>
    </>
  );
}

function tileCaption(
  roadmap: Roadmap,
  lang: Lang,
  tile: PrintPlan['tiles'][number],
  index: number,
  count: number,
  leftOut: number,
): string {
  const t = printStrings[lang];
  const label =
    (list: readonly { id: string; label: Roadmap['domains'][number]['label'] }[]) =>
    (id: string) => {
      const found = list.find((x) => x.id === id);
      return found ? localize(found.label, lang) : '';
    };
  const phases = tile.phaseIds.map(label(roadmap.phases)).join(', ');
  const domain = label(roadmap.domains);
  const first = domain(tile.domainIds[0] ?? '');
  const last = domain(tile.domainIds[tile.domainIds.length - 1] ?? '');
  const caption = format(tile.domainIds.length > 1 ? t.tileCaption : t.tileCaptionOneLane, {
    index: index + 1,
    count,
    phases,
    first,
    last,
  });
  return index === 0 && leftOut > 0
    ? `${caption}. ${format(t.leftOut, { count: leftOut })}`
    : caption;
}

/**
 * The name of the lane a tile starts inside of (a lane cut across pages), marked as continued:
 * the picture writes a lane's name at its top only, so the next part would show its colour alone.
 */
export function continuedLane(
  lanes: readonly { y: number; h: number; label: Roadmap['domains'][number]['label'] }[],
  tile: PrintPlan['tiles'][number],
  lang: Lang,
): string[] {
  const lane = lanes.find((l) => l.y < tile.y.from - 1 && l.y + l.h > tile.y.from + 1);
  if (!lane) return [];
  // The picture's own wrap, at its label size (26 units, 22 characters a line).
  return wrap(format(printStrings[lang].continued, { lane: localize(lane.label, lang) }), 22, 4);
}

function Tile({
  tile,
  plan,
  use,
  caption,
  continued,
}: {
  tile: PrintPlan['tiles'][number];
  plan: PrintPlan;
  use: string;
  caption: string;
  /** Lines of the name of the lane this tile continues, if any. */
  continued: string[];
}) {
  const { labelWidth: lw, headerHeight: hh } = plan;
  const w = tile.x.to - tile.x.from;
  const h = tile.y.to - tile.y.from;
  const windows = [
    { x: 0, y: 0, w: lw, h: hh, vx: 0, vy: 0 },
    { x: lw, y: 0, w, h: hh, vx: tile.x.from, vy: 0 },
    { x: 0, y: hh, w: lw, h, vx: 0, vy: tile.y.from },
    { x: lw, y: hh, w, h, vx: tile.x.from, vy: tile.y.from },
  ];
  return (
    <div className="fdr-pack__tile" data-testid="pack-tile">
      <p className="fdr-pack__tile-caption">{caption}</p>
      <svg
        aria-hidden="true"
        viewBox={`0 0 ${lw + w} ${hh + h}`}
        style={{
          width: `${(lw + w) * plan.mmPerUnit}mm`,
          height: `${(hh + h) * plan.mmPerUnit}mm`,
        }}
      >
        {windows.map((v) => (
          <svg
            aria-hidden="true"
            key={`${v.x}-${v.y}`}
            x={v.x}
            y={v.y}
            width={v.w}
            height={v.h}
            viewBox={`${v.vx} ${v.vy} ${v.w} ${v.h}`}
          >
            <use href={use} />
          </svg>
        ))}
        {continued.length > 0 && (
          <text
            x={20}
            y={hh + 40}
            fontFamily={PICTURE_FONT}
            fontSize={26}
            fontWeight={700}
            fill="#ffffff"
          >
            {continued.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of one label, in order
              <tspan key={i} x={20} dy={i === 0 ? 0 : 32.5}>
                {line}
              </tspan>
            ))}
          </text>
        )}
        <rect x="0.5" y="0.5" width={lw + w - 1} height={hh + h - 1} fill="none" stroke="#8a8a93" />
      </svg>
    </div>
  );
}
