import { localize, type Roadmap } from '@fdr/model';
import { Box, type Editor, getSvgAsImage, type TLShapeId } from 'tldraw';
import { cardIdOfShape } from '../board/cardShape.ts';
import { computeLayout } from '../board/layout.ts';
import { boardPictureElements, escapeXml } from './boardPicture.ts';

/*
 * PNG and SVG of the canvas. The grid is a React layer behind the shapes (not tldraw shapes),
 * and tldraw renders a card through React context its export does not have, so the picture is
 * composed: the grid and the cards are drawn from the model (the same drawing as the meeting
 * pack, in page units), and tldraw's own export (`getSvgElement`, given the same page bounds, so
 * both share one coordinate system) adds the annotations on top: notes, arrows, drawings, text.
 * Nothing is fetched from another host: the drawing uses system fonts, and tldraw embeds its own
 * self-hosted fonts from our origin as data: URLs.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export type ExportScope = 'board' | 'selection';

export interface CanvasPicture {
  svg: string;
  width: number;
  height: number;
}

function boundsOf(editor: Editor, ids: readonly TLShapeId[]): Box | null {
  const boxes = ids.flatMap((id) => {
    const box = editor.getShapePageBounds(id);
    return box ? [box] : [];
  });
  return boxes.length > 0 ? Box.Common(boxes) : null;
}

/** The composed SVG of the whole board or of the selection; null when nothing is selected. */
export async function canvasPicture(
  editor: Editor,
  roadmap: Roadmap,
  lang: 'fr' | 'en',
  scope: ExportScope,
): Promise<CanvasPicture | null> {
  const layout = computeLayout(roadmap);
  const ids =
    scope === 'board' ? [...editor.getCurrentPageShapeIds()] : editor.getSelectedShapeIds();
  if (scope === 'selection' && ids.length === 0) return null;
  let bounds: Box;
  if (scope === 'board') {
    // The whole grid, and any annotation drawn beyond it.
    const grid = new Box(0, 0, layout.width, layout.height);
    const shapes = boundsOf(editor, ids);
    bounds = shapes ? Box.Common([grid, shapes]) : grid;
  } else {
    bounds = (boundsOf(editor, ids) ?? new Box(0, 0, 1, 1)).expandBy(24);
  }
  const cardIds = new Set(ids.flatMap((id) => cardIdOfShape(id) ?? []));
  const annotations = ids.filter((id) => cardIdOfShape(id) === null);

  let svg: SVGSVGElement;
  const exported =
    annotations.length > 0
      ? await editor.getSvgElement(annotations, { bounds, padding: 0, background: false })
      : undefined;
  if (exported) {
    svg = exported.svg;
  } else {
    svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', `${bounds.minX} ${bounds.minY} ${bounds.width} ${bounds.height}`);
    svg.setAttribute('width', String(bounds.width));
    svg.setAttribute('height', String(bounds.height));
  }
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('role', 'img');
  const title = localize(roadmap.board.title, lang);
  // The canvas's own geometry, so tldraw's annotations fall where they are drawn.
  const model = boardPictureElements(
    roadmap,
    { lang, cards: true, ...(scope === 'selection' ? { cardIds } : {}) },
    { layout, items: layout.items },
  );
  // Parsed as SVG (never as HTML); the markup escapes every text it holds.
  const parsed = new DOMParser().parseFromString(
    `<svg xmlns="${SVG_NS}"><title>${escapeXml(title)}</title><rect x="${bounds.minX}" y="${bounds.minY}" width="${bounds.width}" height="${bounds.height}" fill="#ffffff"/><g data-layer="model">${model}</g></svg>`,
    'image/svg+xml',
  );
  const layer = [...parsed.documentElement.childNodes].map((node) =>
    svg.ownerDocument.importNode(node, true),
  );
  // After tldraw's <defs> and <style>, before its shapes: the grid and cards go behind them.
  let anchor: ChildNode | null = svg.firstChild;
  while (anchor && (anchor.nodeName === 'defs' || anchor.nodeName === 'style')) {
    anchor = anchor.nextSibling;
  }
  for (const node of layer) svg.insertBefore(node, anchor);
  return {
    svg: new XMLSerializer().serializeToString(svg),
    width: bounds.width,
    height: bounds.height,
  };
}

/** The picture as a PNG at twice its size (sharp on paper and high-density screens). */
export async function canvasPng(picture: CanvasPicture): Promise<Blob | null> {
  return getSvgAsImage(picture.svg, {
    type: 'png',
    width: picture.width,
    height: picture.height,
    pixelRatio: 2,
  });
}
