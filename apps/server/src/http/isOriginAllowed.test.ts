import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './isOriginAllowed.ts';

describe('isOriginAllowed', () => {
  it('accepts the server’s own origin and clients that send none', () => {
    expect(isOriginAllowed('http://localhost:8080', 'localhost:8080', [])).toBe(true);
    expect(isOriginAllowed('https://board.gc.ca', 'board.gc.ca', [])).toBe(true);
    expect(isOriginAllowed(undefined, 'localhost:8080', [])).toBe(true);
  });

  it('refuses another site, another port, and junk', () => {
    expect(isOriginAllowed('https://evil.example', 'localhost:8080', [])).toBe(false);
    expect(isOriginAllowed('http://localhost:9999', 'localhost:8080', [])).toBe(false);
    expect(isOriginAllowed('null', 'localhost:8080', [])).toBe(false);
    expect(isOriginAllowed('file://x', 'x', [])).toBe(false);
    expect(isOriginAllowed('http://localhost:8080', undefined, [])).toBe(false);
  });

  it('accepts an origin on the allowlist', () => {
    expect(
      isOriginAllowed('https://intranet.gc.ca', 'localhost:8080', ['https://intranet.gc.ca']),
    ).toBe(true);
  });
});
