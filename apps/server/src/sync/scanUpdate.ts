import * as decoding from 'lib0/decoding';

/** What a Yjs update holds, as far as the cost of applying it goes. */
export interface UpdateShape {
  /** Structs (items, GCs, skips) over every client section. */
  structs: number;
  /** Deleted ranges over every client of the delete set. */
  deleteRanges: number;
}

/** Deepest nesting of a JSON-like value (ContentAny) the scan follows; the model nests 3 deep. */
const MAX_ANY_DEPTH = 64;

/**
 * Walks a Yjs update (v1 encoding) without building anything: reads the lengths and counts, skips
 * every string, buffer and value. It replaces a full `Y.decodeUpdate` before the apply, which
 * built every struct and its content only to count them: `Y.applyUpdate` is now the only decode.
 * It throws on a frame that does not hold together (truncated, a length past the end, an unknown
 * content or value kind, nesting past MAX_ANY_DEPTH), so an update whose framing is broken is
 * refused before any of it is applied. Yjs reads every struct of an update before integrating
 * any, and reads the delete set last: a well-framed update can then only fail in Yjs's read phase,
 * before anything is integrated. Stops counting, and returns, once `stopAbove` is passed.
 */
export function scanUpdate(update: Uint8Array, stopAbove = Number.POSITIVE_INFINITY): UpdateShape {
  const d = decoding.createDecoder(update);
  let structs = 0;
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(d);
    decoding.readVarUint(d); // client
    decoding.readVarUint(d); // clock
    for (let i = 0; i < count; i++) {
      skipStruct(d);
      if (++structs > stopAbove) return { structs, deleteRanges: 0 };
    }
  }
  let deleteRanges = 0;
  const dsClients = decoding.readVarUint(d);
  for (let c = 0; c < dsClients; c++) {
    decoding.readVarUint(d); // client
    const ranges = decoding.readVarUint(d);
    deleteRanges += ranges;
    if (structs + deleteRanges > stopAbove) return { structs, deleteRanges };
    for (let r = 0; r < ranges; r++) {
      decoding.readVarUint(d); // clock
      decoding.readVarUint(d); // length
    }
  }
  if (d.pos !== update.length) throw new Error('trailing bytes after the delete set');
  return { structs, deleteRanges };
}

function skipStruct(d: decoding.Decoder): void {
  const info = byte(d);
  const ref = info & 0b11111;
  if (ref === 0 || ref === 10) {
    decoding.readVarUint(d); // GC or Skip: a length
    return;
  }
  if (info & 0b1000_0000) skipId(d); // origin
  if (info & 0b0100_0000) skipId(d); // right origin
  if ((info & 0b1100_0000) === 0) {
    // No origin: the parent is written, a root type's name or an item's id, and maybe a key.
    if (decoding.readVarUint(d) === 1) skipBytes(d);
    else skipId(d);
    if (info & 0b0010_0000) skipBytes(d);
  }
  skipContent(d, ref);
}

function skipContent(d: decoding.Decoder, ref: number): void {
  switch (ref) {
    case 1: // deleted: a length
      decoding.readVarUint(d);
      return;
    case 2: // JSON: strings
      for (let n = decoding.readVarUint(d); n > 0; n--) skipBytes(d);
      return;
    case 3: // binary
    case 4: // string
    case 5: // embed (a JSON string)
      skipBytes(d);
      return;
    case 6: // format: a key and a JSON string
      skipBytes(d);
      skipBytes(d);
      return;
    case 7: {
      // A type; XML elements and hooks carry a name.
      const typeRef = decoding.readVarUint(d);
      if (typeRef > 6) throw new Error(`unknown type ref ${typeRef}`);
      if (typeRef === 3 || typeRef === 5) skipBytes(d);
      return;
    }
    case 8: // any: values
      for (let n = decoding.readVarUint(d); n > 0; n--) skipAny(d, 0);
      return;
    case 9: // subdocument: a guid and its options
      skipBytes(d);
      skipAny(d, 0);
      return;
    default:
      throw new Error(`unknown content ref ${ref}`);
  }
}

function skipAny(d: decoding.Decoder, depth: number): void {
  if (depth > MAX_ANY_DEPTH) throw new Error(`a value nested deeper than ${MAX_ANY_DEPTH}`);
  const kind = byte(d);
  switch (kind) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125: // integer
      decoding.readVarInt(d);
      return;
    case 124: // float32
      skip(d, 4);
      return;
    case 123: // float64
    case 122: // bigint
      skip(d, 8);
      return;
    case 119: // string
    case 116: // Uint8Array
      skipBytes(d);
      return;
    case 118: // object: keys and values
      for (let n = decoding.readVarUint(d); n > 0; n--) {
        skipBytes(d);
        skipAny(d, depth + 1);
      }
      return;
    case 117: // array
      for (let n = decoding.readVarUint(d); n > 0; n--) skipAny(d, depth + 1);
      return;
    default:
      throw new Error(`unknown value kind ${kind}`);
  }
}

function byte(d: decoding.Decoder): number {
  if (d.pos >= d.arr.length) throw new Error('unexpected end of update');
  return d.arr[d.pos++]!;
}

function skipId(d: decoding.Decoder): void {
  decoding.readVarUint(d);
  decoding.readVarUint(d);
}

/** A length-prefixed string or buffer. */
function skipBytes(d: decoding.Decoder): void {
  skip(d, decoding.readVarUint(d));
}

function skip(d: decoding.Decoder, n: number): void {
  if (d.pos + n > d.arr.length) throw new Error('unexpected end of update');
  d.pos += n;
}
