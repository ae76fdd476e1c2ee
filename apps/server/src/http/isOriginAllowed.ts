/**
 * Cross-site websocket hijacking guard. Browsers always send `Origin` on a websocket handshake;
 * a page on another site must not ride the user's cookies into a board. Non-browser clients send
 * no Origin and are let through (they carry no ambient credentials).
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  if (!host) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host;
  } catch {
    return false;
  }
}
