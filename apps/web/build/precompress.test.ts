import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes .br and .gz beside compressible files, and only those', async () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'assets'));
    const js = `export const text = ${JSON.stringify('roadmap '.repeat(2000))};`;
    writeFileSync(join(dir, 'assets', 'app.js'), js);
    writeFileSync(join(dir, 'assets', 'tiny.css'), 'a{color:red}');
    writeFileSync(join(dir, 'assets', 'font.woff2'), Buffer.alloc(4096, 7));
    writeFileSync(join(dir, 'assets', 'app.js.map'), `{"mappings":"${'A'.repeat(5000)}"}`);

    const result = await precompressDir(dir);

    expect(gunzipSync(readFileSync(join(dir, 'assets', 'app.js.gz'))).toString()).toBe(js);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'app.js.br'))).toString()).toBe(
      js,
    );
    // Too small to gain, already compressed, or only for developer tools.
    for (const skipped of ['tiny.css', 'font.woff2', 'app.js.map']) {
      expect(existsSync(join(dir, 'assets', `${skipped}.gz`)), skipped).toBe(false);
      expect(existsSync(join(dir, 'assets', `${skipped}.br`)), skipped).toBe(false);
    }
    expect(result.files).toBe(1);
    expect(result.bytes).toBe(js.length);
    expect(result.brotliBytes).toBeLessThan(js.length / 10);
  });
});
