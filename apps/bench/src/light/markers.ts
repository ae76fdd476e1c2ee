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

/** U+27E6 (⟦) in UTF-8. */
const OPEN = Buffer.from('⟦', 'utf8');
const COLON = 0x3a;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Calls `found(editor, seq, sentAtUs)` for every well-formed marker in `bytes`, in order. Returns
 * how many were found. Anything that only starts like a marker is skipped.
 */
export function scanMarkers(
  bytes: Buffer,
  found: (editor: number, seq: number, sentAtUs: number) => void,
  from = 0,
): number {
  let count = 0;
  let at = bytes.indexOf(OPEN, from);
  while (at >= 0) {
    let i = at + OPEN.length;
    const fields = [0, 0, 0];
    let field = 0;
    let digits = 0;
    let ok = false;
    for (; i < bytes.length; i++) {
      const c = bytes[i]!;
      if (c >= ZERO && c <= NINE) {
        fields[field] = fields[field]! * 10 + (c - ZERO);
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
      found(fields[0]!, fields[1]!, fields[2]!);
      count++;
    }
    at = bytes.indexOf(OPEN, i);
  }
  return count;
}
