import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DecodedPng, decodePng } from './decodePng.ts';

/**
 * Renders every page of a PDF to a PNG with poppler's `pdftoppm` (Debian's poppler-utils): the
 * pages as a printer would put them on paper, not as the browser laid them out.
 */
export function renderPdfPages(pdf: Buffer, dpi: number): { png: Buffer; image: DecodedPng }[] {
  const dir = mkdtempSync(join(tmpdir(), 'fdr-pdf-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), join(dir, 'doc.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((name) => name.startsWith('page') && name.endsWith('.png'))
      .sort()
      .map((name) => {
        const png = readFileSync(join(dir, name));
        return { png, image: decodePng(png) };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The box around every pixel that is not paper white, in pixels; null for a blank page. */
export function inkBox(
  image: DecodedPng,
): { left: number; top: number; right: number; bottom: number } | null {
  const { width, height, pixels } = image;
  const channels = pixels.length / (width * height);
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      // Anything visibly darker than white (anti-aliasing leaves 250+ around the edges).
      if (pixels[i]! < 245 || pixels[i + 1]! < 245 || pixels[i + 2]! < 245) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  return right < 0 ? null : { left, top, right: right + 1, bottom: bottom + 1 };
}
