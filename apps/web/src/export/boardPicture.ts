import { ITEM_KIND_LABELS, isStale, localize, type Roadmap } from '@fdr/model';
import { CARD_H, CARD_W, HEADER_H, LABEL_W } from '../board/layout.ts';
import { stateLabelOf, statusLabelOf } from '../cards/labels.ts';
import { format, formatDate } from '../i18n/format.ts';
import { strings } from '../i18n/strings.ts';
import { type PictureLayout, pictureLayout } from './pictureLayout.ts';

/*
 * A picture of the board drawn from the model alone, as SVG markup in page units (the canvas's
 * coordinates). Two uses:
 * - `grid`: the lanes, columns and headers, put behind tldraw's own export of the shapes (the
 *   canvas draws its grid as a React layer, which tldraw's export does not see);
 * - `cards` as well: the whole board without tldraw (the meeting pack, and any place the canvas
 *   cannot be shown), its roadmap items as bars across their periods' columns in each lane.
 *   Annotations are left out there: the model does not interpret them.
 * Colours are the canvas's; every state and status is also written as text. Text is escaped;
 * no font or image is fetched (system fonts only).
 */

export const PICTURE_FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif';

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Greedy word wrap by an average glyph width (SVG 1.1 has no text wrapping). */
export function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= maxChars || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length > maxLines) {
    const rest = lines.slice(maxLines - 1).join(' ');
    return [...lines.slice(0, maxLines - 1), `${rest.slice(0, Math.max(1, maxChars - 1))}…`];
  }
  return lines.map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
}

function text(
  x: number,
  y: number,
  lines: readonly string[],
  attrs: { size: number; weight?: number; fill: string; lineHeight?: number; anchor?: 'end' },
): string {
  const lh = attrs.lineHeight ?? attrs.size * 1.25;
  const spans = lines
    .map((line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : lh}">${escapeXml(line)}</tspan>`)
    .join('');
  // Right-aligned text ends exactly at x, whatever the font's glyph widths.
  const anchor = attrs.anchor ? ` text-anchor="${attrs.anchor}"` : '';
  return `<text x="${x}" y="${y}"${anchor} font-family="${PICTURE_FONT}" font-size="${attrs.size}" font-weight="${attrs.weight ?? 400}" fill="${attrs.fill}">${spans}</text>`;
}

const STATE_STYLE = {
  'existing-modified': { stroke: '#3d3d45', fill: '#ffffff', dash: '' },
  new: { stroke: '#0b57d0', fill: '#f3f7ff', dash: '' },
  'external-identity': { stroke: '#4a4a52', fill: '#f4f3f1', dash: ' stroke-dasharray="8 5"' },
} as const;

const ROLE_FILL: Record<string, string> = {
  CE: '#6a1b9a',
  Pr: '#0b6e4f',
  Int: '#8a4b00',
  In: '#1f4e79',
};

const STATUS_STYLE: Record<string, { fill: string; text: string }> = {
  'not-started': { fill: '#eeeef0', text: '#3a3a42' },
  'on-track': { fill: '#e6f4ea', text: '#14532d' },
  'at-risk': { fill: '#fff1de', text: '#6b3a00' },
  blocked: { fill: '#fde7e6', text: '#8c1d18' },
  done: { fill: '#e8f0fe', text: '#08419c' },
};

export interface PictureOptions {
  lang: 'fr' | 'en';
  /** Draw the cards too (false: the grid only, for composing with tldraw's export). */
  cards: boolean;
  /** Only these cards (a selection); all visible cards otherwise. */
  cardIds?: ReadonlySet<string>;
  now?: Date;
}

/** The grid's (and cards' and items') elements, without the `<svg>` wrapper, in page units. */
export function boardPictureElements(
  roadmap: Roadmap,
  options: PictureOptions,
  geometry: PictureLayout = pictureLayout(roadmap),
): string {
  const { lang } = options;
  const t = strings[lang];
  const { layout } = geometry;
  const parts: string[] = [];
  const top = layout.lanes[0]?.y ?? HEADER_H;
  parts.push(`<rect x="0" y="0" width="${layout.width}" height="${top}" fill="#2b3a4a"/>`);
  layout.lanes.forEach((lane, index) => {
    parts.push(
      `<rect x="0" y="${lane.y}" width="${layout.width}" height="${lane.h}" fill="${index % 2 === 1 ? '#f0f1f4' : '#fbfbfc'}"/>`,
      `<line x1="0" y1="${lane.y + lane.h}" x2="${layout.width}" y2="${lane.y + lane.h}" stroke="#b0b0b8" stroke-width="1"/>`,
      `<rect x="0" y="${lane.y}" width="${LABEL_W}" height="${lane.h}" fill="${escapeXml(lane.colour)}"/>`,
      text(20, lane.y + 40, wrap(localize(lane.label, lang), 22, 4), {
        size: 26,
        weight: 700,
        fill: '#ffffff',
      }),
    );
  });
  parts.push(text(20, 56, wrap(t.lanes, 26, 2), { size: 26, weight: 700, fill: '#ffffff' }));
  for (const column of layout.columns) {
    const dates =
      column.end === null
        ? format(t.phaseOpenEnded, { date: formatDate(column.start, lang) })
        : `${formatDate(column.start, lang)} – ${formatDate(column.end, lang)}`;
    parts.push(
      `<line x1="${column.x}" y1="0" x2="${column.x}" y2="${layout.height}" stroke="#5e5c64" stroke-width="2"/>`,
      text(column.x + 16, 44, [localize(column.label, lang)], {
        size: 28,
        weight: 700,
        fill: '#ffffff',
      }),
      text(column.x + 16, 80, [dates], { size: 20, fill: '#ffffff' }),
    );
    column.periods.forEach((period, index) => {
      parts.push(
        `<line x1="${period.x}" y1="100" x2="${period.x}" y2="${top}" stroke="#ffffff" stroke-opacity="0.6"/>`,
        text(period.x + 10, 126, [localize(period.label, lang)], { size: 20, fill: '#ffffff' }),
      );
      // The timeline's columns run down the lanes, so a bar's ends read against them.
      if (index > 0) {
        parts.push(
          `<line x1="${period.x}" y1="${top}" x2="${period.x}" y2="${layout.height}" stroke="#8a8a93" stroke-dasharray="6 6" stroke-opacity="0.7"/>`,
        );
      }
    });
  }
  if (options.cards) parts.push(itemBars(roadmap, geometry, lang));
  if (options.cards) {
    const now = options.now ?? new Date();
    const days = roadmap.board.settings.staleAfterDays;
    for (const card of roadmap.cards) {
      const at = layout.cards.get(card.id);
      if (!at || card.archived) continue;
      if (options.cardIds && !options.cardIds.has(card.id)) continue;
      const style = STATE_STYLE[card.state];
      const x = at.x;
      const y = at.y;
      const latest = card.latestStatus;
      const status = latest ? STATUS_STYLE[latest.status] : undefined;
      const stale = isStale(card, days, now);
      const statusText = latest
        ? `${statusLabelOf(latest.status, lang)} · ${formatDate(latest.at, lang)}`
        : t.noCheckin;
      const chipW = Math.min(CARD_W - 20, 16 + statusText.length * 6.4);
      const chip = (cx: number, cy: number) => [
        `<rect x="${cx}" y="${cy}" width="${chipW}" height="20" rx="10" fill="${status?.fill ?? '#ffffff'}" stroke="${status ? status.text : '#8a8a93'}"/>`,
        text(cx + 8, cy + 14, [statusText], {
          size: 11.5,
          weight: 600,
          fill: status?.text ?? '#4a4a52',
        }),
      ];
      const role = (cy: number) => [
        `<rect x="${x + 10}" y="${cy}" width="36" height="20" rx="4" fill="${ROLE_FILL[card.role] ?? '#1f4e79'}"/>`,
        text(x + 28 - card.role.length * 4, cy + 15, [card.role], {
          size: 13,
          weight: 700,
          fill: '#ffffff',
        }),
      ];
      parts.push(
        `<g data-card-id="${escapeXml(card.id)}">`,
        `<rect x="${x}" y="${y}" width="${at.w}" height="${at.h}" rx="8" fill="${style.fill}" stroke="${style.stroke}" stroke-width="2"${style.dash}/>`,
      );
      if (at.h < CARD_H) {
        // A strip (a card spanning periods): role, title, and on the right status over state.
        const stateLine = stale
          ? `${stateLabelOf(card.state, lang)} · ⚠ ${t.stale}`
          : stateLabelOf(card.state, lang);
        const side = Math.max(chipW, stateLine.length * 7.4);
        const chars = Math.max(8, Math.floor((at.w - 54 - side - 20) / 7.6));
        const title = wrap(localize(card.title, lang), chars, 2);
        parts.push(
          ...role(y + at.h / 2 - 10),
          text(x + 54, y + at.h / 2 + 5 - (title.length - 1) * 8.75, title, {
            size: 14,
            weight: 600,
            fill: '#1b1b1f',
            lineHeight: 17.5,
          }),
          ...chip(x + at.w - 10 - chipW, y + 8),
          text(x + at.w - 10, y + at.h - 12, [stateLine], {
            size: 12,
            weight: 600,
            fill: stale ? '#6b3a00' : '#3a3a42',
            anchor: 'end',
          }),
        );
        parts.push('</g>');
        continue;
      }
      parts.push(
        ...role(y + 9),
        text(x + 54, y + 24, [stateLabelOf(card.state, lang)], {
          size: 12,
          weight: 600,
          fill: '#3a3a42',
        }),
        text(x + 10, y + 50, wrap(localize(card.title, lang), 24, 3), {
          size: 14,
          weight: 600,
          fill: '#1b1b1f',
          lineHeight: 17.5,
        }),
        ...chip(x + 10, y + 104),
      );
      if (stale) {
        parts.push(
          text(x + CARD_W - 12 - (t.stale.length + 2) * 7, y + 96, [`⚠ ${t.stale}`], {
            size: 11.5,
            weight: 700,
            fill: '#6b3a00',
          }),
        );
      }
      parts.push('</g>');
    }
  }
  return parts.join('');
}

/**
 * The roadmap items as bars: a white bar edged with its lane's colour (dashed when the activity is
 * ongoing), the role badge and the kind in words on its first line, the label on its second.
 */
function itemBars(roadmap: Roadmap, geometry: PictureLayout, lang: 'fr' | 'en'): string {
  const parts: string[] = [];
  for (const item of roadmap.items) {
    const bar = geometry.items.get(item.id);
    if (!bar) continue;
    const colour = roadmap.domains.find((d) => d.id === item.domainId)?.colour ?? '#1f4e79';
    const dash = item.kind === 'ongoing' ? ' stroke-dasharray="7 4"' : '';
    // An average of 8 units a glyph at 13 px bold, so a label never runs past its bar.
    const chars = Math.max(4, Math.floor((bar.w - 20) / 8));
    parts.push(
      `<g data-item-id="${escapeXml(item.id)}">`,
      `<rect x="${bar.x}" y="${bar.y}" width="${bar.w}" height="${bar.h}" rx="6" fill="#ffffff" stroke="${escapeXml(colour)}" stroke-width="3"${dash}/>`,
      `<rect x="${bar.x + 8}" y="${bar.y + 6}" width="32" height="17" rx="4" fill="${ROLE_FILL[item.role] ?? '#1f4e79'}"/>`,
      text(bar.x + 24 - item.role.length * 3.6, bar.y + 19, [item.role], {
        size: 11.5,
        weight: 700,
        fill: '#ffffff',
      }),
      text(bar.x + 48, bar.y + 19, [ITEM_KIND_LABELS[item.kind][lang]], {
        size: 11.5,
        weight: 600,
        fill: '#3a3a42',
      }),
      text(bar.x + 10, bar.y + 39, wrap(localize(item.label, lang), chars, 1), {
        size: 13,
        weight: 600,
        fill: '#1b1b1f',
      }),
      '</g>',
    );
  }
  return parts.join('');
}

/** A standalone SVG document of the board (grid, items and cards), titled for assistive tech. */
export function boardPictureSvg(
  roadmap: Roadmap,
  options: Omit<PictureOptions, 'cards'> & { description: string },
): string {
  const geometry = pictureLayout(roadmap);
  const { layout } = geometry;
  const title = escapeXml(localize(roadmap.board.title, options.lang));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${title}. ${escapeXml(options.description)}"><title>${title}</title><desc>${escapeXml(options.description)}</desc>${boardPictureElements(roadmap, { ...options, cards: true }, geometry)}</svg>`;
}
