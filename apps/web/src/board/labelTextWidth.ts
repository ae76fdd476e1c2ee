/*
 * The width of a lane name as the sticky lane labels draw it (bold, the page's font), measured on
 * a canvas once per name and size. Without a canvas (a test's DOM) an average glyph width stands
 * in for it.
 */

const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

export function labelTextWidth(text: string, px: number): number {
  const key = `${px}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (context === undefined) {
    try {
      context = document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
  }
  let width = text.length * px * 0.62;
  if (context) {
    context.font = `700 ${px}px ${getComputedStyle(document.body).fontFamily}`;
    width = context.measureText(text).width;
  }
  widths.set(key, width);
  return width;
}
