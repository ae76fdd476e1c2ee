import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

export type FileKind = 'js' | 'css' | 'font' | 'html' | 'other';

/** A file of the web build that the browser requested, with its size as stored and as sent. */
export interface DistFile {
  /** Path in the build, e.g. `/assets/BoardPage-xxxx.js`. */
  path: string;
  kind: FileKind;
  bytes: number;
  /**
   * What our server sends a browser that accepts brotli (Chromium does): the `.br` the build
   * wrote beside the file (apps/web/build/precompress.ts), or the file itself.
   */
  sentBytes: number;
}

const KINDS: Record<string, FileKind> = {
  '.js': 'js',
  '.mjs': 'js',
  '.css': 'css',
  '.woff': 'font',
  '.woff2': 'font',
  '.ttf': 'font',
  '.otf': 'font',
  '.html': 'html',
};

/**
 * The build's files behind the URLs a page requested (from its `response` events), once each.
 * Sizes come from the files themselves and their precompressed variants, which the server picks
 * by Accept-Encoding. URLs outside the build (the API, the page's address answered with index.html)
 * are left out, except the document itself.
 */
export function distFilesRequested(
  urls: readonly string[],
  appUrl: string,
  webDist: string,
): DistFile[] {
  const origin = new URL(appUrl).origin;
  const files = new Map<string, DistFile>();
  for (const raw of urls) {
    const url = new URL(raw);
    if (url.origin !== origin) continue;
    const isAsset = url.pathname.startsWith('/assets/');
    // Any other path is the SPA's index.html (the document) or an API call.
    const path = isAsset ? url.pathname : url.pathname.startsWith('/api/') ? null : '/index.html';
    if (!path || files.has(path)) continue;
    const file = join(webDist, normalize(path));
    if (!file.startsWith(webDist) || !existsSync(file) || !statSync(file).isFile()) continue;
    const content = readFileSync(file);
    files.set(path, {
      path,
      kind: KINDS[extname(path)] ?? 'other',
      bytes: content.length,
      sentBytes: existsSync(`${file}.br`) ? statSync(`${file}.br`).size : content.length,
    });
  }
  return [...files.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Sum of the files of one kind. */
export function totalOf(
  files: readonly DistFile[],
  kind: FileKind,
): { files: number; bytes: number; sentBytes: number } {
  const of = files.filter((file) => file.kind === kind);
  return {
    files: of.length,
    bytes: of.reduce((sum, file) => sum + file.bytes, 0),
    sentBytes: of.reduce((sum, file) => sum + file.sentBytes, 0),
  };
}
