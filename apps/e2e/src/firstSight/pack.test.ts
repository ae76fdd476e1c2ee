import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createBoard } from '../harness/board.ts';
import { screenshotPath } from '../harness/browser.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';
import { inkBox, renderPdfPages } from '../harness/pdfPages.ts';

/*
 * First sight of the meeting pack on paper, as the secretariat prints it (FR and EN): the PDF
 * that Chromium prints is rendered page by page with poppler, as a printer would, and measured.
 * - MIN_PAGE_FILL: every page's ink (the box around all that is not white) covers at least a
 *   quarter of the printable area; a page holding one line covers about 3 %.
 * - The board picture's pages use the page on both axes: at least 60 % of the width (the widest
 *   at least 95 %) and half the height (a lane a little taller than a page is shared over two
 *   pages at a gap between its cards, so no card is printed in two halves: each part is about
 *   half a page high).
 * - MIN_TEXT_PT: no text prints below 7 pt, measured in the print layout (emulateMedia('print')):
 *   the computed font size of every visible text, times the scale of the SVG it is drawn in.
 */
const MIN_PAGE_FILL = 0.25;
const MIN_PICTURE_WIDTH = 0.6;
const MIN_PICTURE_HEIGHT = 0.5;
const MIN_TEXT_PT = 7;
const DPI = 60;
const PAGE_IN = { width: 11, height: 8.5 };
const MARGIN_MM = 10;
const PX_TO_PT = 0.75;

const suite = e2eSuite('first-sight-pack');
const metrics: Record<string, unknown> = {};
afterAll(() => {
  writeFileSync(
    screenshotPath('metrics-first-sight-pack.json'),
    `${JSON.stringify(metrics, null, 2)}\n`,
  );
});

const NO_VERSION = {
  fr: 'Aucune version n’a encore été prise.',
  en: 'No version has been taken yet.',
};

describe('first sight: the meeting pack on paper', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: every page is filled, the picture uses the page, no text under ${MIN_TEXT_PT} pt`, async () => {
      const boardId = await createBoard(suite.app);
      const { page } = await suite.client({
        cookie: suite.app.adminCookie,
        locale: lang === 'fr' ? 'fr-CA' : 'en-CA',
        timeoutMs: 30_000,
      });
      await page.goto(`${suite.app.url}/b/${boardId}/pack`);
      await page.getByTestId('pack-status-table').waitFor();
      await page.getByText(NO_VERSION[lang]).waitFor();
      await page.emulateMedia({ media: 'print' });

      const layout = await page.evaluate(() => {
        const pack = document.querySelector('#fdr-pack');
        if (!pack) throw new Error('no pack');
        const html: { px: number; text: string }[] = [];
        const walker = document.createTreeWalker(pack, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          const el = node.parentElement;
          const text = node.textContent?.trim() ?? '';
          if (!el || text === '' || el.closest('svg') || el.getClientRects().length === 0) continue;
          html.push({
            px: Number.parseFloat(getComputedStyle(el).fontSize),
            text: text.slice(0, 40),
          });
        }
        const tiles = [
          ...document.querySelectorAll<SVGSVGElement>('[data-testid="pack-tile"] > svg'),
        ];
        const scales = tiles.map(
          (svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
        );
        const svgText = [...document.querySelectorAll('.fdr-pack__defs text')].map((t) => ({
          px: Number.parseFloat(getComputedStyle(t).fontSize),
          text: (t.textContent ?? '').slice(0, 40),
        }));
        return { html, scales, svgText };
      });
      const tiles = layout.scales.length;
      expect(tiles).toBeGreaterThan(0);
      expect(layout.svgText.length).toBeGreaterThan(100);
      const smallestScale = Math.min(...layout.scales);
      const printed = [
        ...layout.html.map((h) => ({ pt: h.px * PX_TO_PT, text: h.text })),
        ...layout.svgText.map((s) => ({ pt: s.px * smallestScale * PX_TO_PT, text: s.text })),
      ];
      const smallest = printed.reduce((a, b) => (b.pt < a.pt ? b : a));
      metrics[`${lang}.smallestTextPt`] = Number(smallest.pt.toFixed(2));
      metrics[`${lang}.smallestText`] = smallest.text;
      expect(printed.filter((p) => p.pt < MIN_TEXT_PT - 0.01)).toEqual([]);

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pages = renderPdfPages(pdf, DPI);
      const margin = (MARGIN_MM / 25.4) * DPI;
      const printable = {
        width: PAGE_IN.width * DPI - 2 * margin,
        height: PAGE_IN.height * DPI - 2 * margin,
      };
      const measured = pages.map(({ png, image }, index) => {
        writeFileSync(screenshotPath(`pack-print-${lang}-page-${index + 1}.png`), png);
        // Landscape Letter, as pack.css asks.
        expect(image.width).toBeGreaterThan(image.height);
        const box = inkBox(image);
        const width = box ? (box.right - box.left) / printable.width : 0;
        const height = box ? (box.bottom - box.top) / printable.height : 0;
        return { page: index + 1, width, height, fill: width * height };
      });
      metrics[`${lang}.pages`] = measured.map((m) => ({
        page: m.page,
        width: Number(m.width.toFixed(2)),
        height: Number(m.height.toFixed(2)),
        fill: Number(m.fill.toFixed(2)),
      }));
      // The tiles, then at least the status table.
      expect(pages.length).toBeGreaterThan(tiles);
      expect(measured.filter((m) => m.fill < MIN_PAGE_FILL)).toEqual([]);
      const picturePages = measured.slice(0, tiles);
      expect(
        picturePages.filter((m) => m.width < MIN_PICTURE_WIDTH || m.height < MIN_PICTURE_HEIGHT),
      ).toEqual([]);
      expect(Math.max(...picturePages.map((m) => m.width))).toBeGreaterThan(0.95);
    });
  }
});
