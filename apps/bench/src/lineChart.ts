export interface ChartSeries {
  label: string;
  color: string;
  /** [x, y] pairs; y must be > 0 (the y axis is logarithmic). */
  points: [number, number][];
  /** Dashed line, for a series that should read as secondary. */
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  /** Horizontal guide lines, e.g. targets. */
  guides?: { y: number; label: string }[];
  width?: number;
  height?: number;
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';

/**
 * A small self-contained SVG line chart: linear x, logarithmic y (latencies span 1 ms to
 * seconds), one line per series with dots, a legend, and dashed guide lines. No dependency.
 */
export function lineChart(options: ChartOptions): string {
  const width = options.width ?? 760;
  const height = options.height ?? 440;
  const margin = { top: 58, right: 200, bottom: 52, left: 64 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const points = options.series.flatMap((s) => s.points);
  const guideYs = (options.guides ?? []).map((g) => g.y);
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y).concat(guideYs);
  const xMin = Math.min(0, ...xs);
  const xMax = niceCeil(Math.max(1, ...xs));
  const yMin = 10 ** Math.floor(Math.log10(Math.max(1e-3, Math.min(...ys))));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...ys, yMin * 10)));
  const px = (x: number) => margin.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const py = (y: number) =>
    margin.top +
    plotH -
    ((Math.log10(Math.max(y, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) *
      plotH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    // Read out by screen readers for the picture as a whole (the points carry their own titles).
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="24" font-size="16" font-weight="600">${escapeXml(options.title)}</text>`,
  );
  if (options.subtitle) {
    out.push(`<text x="${margin.left}" y="42" fill="#555">${escapeXml(options.subtitle)}</text>`);
  }
  // Y grid: every decade, with 2 and 5 between.
  for (let decade = yMin; decade < yMax * 1.001; decade *= 10) {
    for (const m of [1, 2, 5]) {
      const y = decade * m;
      if (y > yMax * 1.001) break;
      const major = m === 1;
      out.push(
        `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${f(py(y))}" y2="${f(py(y))}" stroke="${major ? '#d0d0d0' : '#eeeeee'}"/>`,
        `<text x="${margin.left - 8}" y="${f(py(y) + 4)}" text-anchor="end" fill="#444">${formatMs(y)}</text>`,
      );
    }
  }
  // X ticks.
  const step = niceStep(xMax - xMin);
  for (let x = xMin; x <= xMax + 1e-9; x += step) {
    out.push(
      `<line x1="${f(px(x))}" x2="${f(px(x))}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#f2f2f2"/>`,
      `<text x="${f(px(x))}" y="${margin.top + plotH + 18}" text-anchor="middle" fill="#444">${x}</text>`,
    );
  }
  out.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
  );
  for (const guide of options.guides ?? []) {
    out.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${f(py(guide.y))}" y2="${f(py(guide.y))}" stroke="#b00020" stroke-dasharray="6 4"/>`,
      `<text x="${margin.left + plotW - 4}" y="${f(py(guide.y) - 5)}" text-anchor="end" fill="#b00020">${escapeXml(guide.label)}</text>`,
    );
  }
  options.series.forEach((series, i) => {
    const sorted = [...series.points].sort((a, b) => a[0] - b[0]);
    if (sorted.length > 0) {
      const d = sorted
        .map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${f(px(x))} ${f(py(y))}`)
        .join(' ');
      out.push(
        `<path d="${d}" fill="none" stroke="${series.color}" stroke-width="2.2"${series.dashed ? ' stroke-dasharray="7 4"' : ''}/>`,
      );
      for (const [x, y] of sorted) {
        out.push(
          `<circle cx="${f(px(x))}" cy="${f(py(y))}" r="3.5" fill="${series.color}"><title>${escapeXml(series.label)}: ${x} editors, p99 ${formatMs(y)}</title></circle>`,
        );
      }
    }
    const ly = margin.top + 10 + i * 22;
    const lx = margin.left + plotW + 16;
    out.push(
      `<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke="${series.color}" stroke-width="2.2"${series.dashed ? ' stroke-dasharray="7 4"' : ''}/>`,
      `<text x="${lx + 28}" y="${ly + 4}">${escapeXml(series.label)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toPrecision(3)} s` : `${+ms.toPrecision(3)} ms`;
}

function niceStep(range: number): number {
  const raw = range / 8;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

function niceCeil(value: number): number {
  const step = niceStep(value);
  return Math.ceil(value / step) * step;
}

function f(n: number): string {
  return n.toFixed(1);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
