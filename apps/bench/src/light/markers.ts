/**
 * The value a light editor writes: `⟦g:seq:t⟧`, editor g's edit number seq sent at t (sharedClock
 * microseconds, an integer). A map value that is a string travels whole in a Yjs update (one
 * ContentAny, its UTF-8 bytes as they are), so a receiver finds every edit of a message by
 * scanning its bytes for the opening bracket, without decoding the update or applying it. The
 * server may merge many updates into one message: every marker in it is reported.
 */
export function encodeMarker(editor: number, seq: number, sentAtUs: number): string {
  return `⟦${editor}:${seq}:${sentAtUs}⟧`;
}

/** U+27E6 (⟦) in UTF-8: E2 9F A6. */
const OPEN_0 = 0xe2;
const OPEN_1 = 0x9f;
const OPEN_2 = 0xa6;
const COLON = 0x3a;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Calls `found(editor, seq, sentAtUs)` for every well-formed marker in `bytes`, in order. Returns
 * how many were found. Anything that only starts like a marker is skipped. It is the light
 * clients' main cost (every receiver scans every message), hence the single-byte search
 * (memchr) and no allocation per marker.
 */
export function scanMarkers(
  bytes: Buffer,
  found: (editor: number, seq: number, sentAtUs: number) => void,
  from = 0,
): number {
  let count = 0;
  const end = bytes.length;
  let at = bytes.indexOf(OPEN_0, from);
  while (at >= 0 && at + 2 < end) {
    if (bytes[at + 1] !== OPEN_1 || bytes[at + 2] !== OPEN_2) {
      at = bytes.indexOf(OPEN_0, at + 1);
      continue;
    }
    let i = at + 3;
    let editor = 0;
    let seq = 0;
    let sentAt = 0;
    let field = 0;
    let digits = 0;
    let ok = false;
    for (; i < end; i++) {
      const c = bytes[i]!;
      if (c >= ZERO && c <= NINE) {
        const d = c - ZERO;
        if (field === 0) editor = editor * 10 + d;
        else if (field === 1) seq = seq * 10 + d;
        else sentAt = sentAt * 10 + d;
        digits++;
      } else if (c === COLON && field < 2 && digits > 0) {
        field++;
        digits = 0;
      } else {
        // The closing bracket (or anything else) ends the last field.
        ok = field === 2 && digits > 0;
        break;
      }
    }
    if (ok) {
      found(editor, seq, sentAt);
      count++;
    }
    at = bytes.indexOf(OPEN_0, i);
  }
  return count;
}
