import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CloseCode, ConnectionError } from './CloseCode.ts';
import { errorText } from './errorText.ts';

export interface UpdateLimits {
  /** MAX_UPDATE_BYTES */
  maxBytes: number;
  /** MAX_UPDATE_STRUCTS */
  maxStructs: number;
}

/**
 * Checks a client's document update before any of it is applied: its size, that it decodes (a
 * malformed one then fails before it touches the doc: Yjs integrates structs before it reads the
 * delete set), and how much it holds (structs plus deleted ranges), which is what applying it
 * costs. Throws a ConnectionError; the update is then neither applied, stored nor broadcast.
 */
export function boundUpdate(update: Uint8Array, limits: UpdateLimits): void {
  if (update.byteLength > limits.maxBytes) {
    throw new ConnectionError(
      CloseCode.messageTooBig,
      `a ${update.byteLength}-byte update exceeds MAX_UPDATE_BYTES (${limits.maxBytes})`,
    );
  }
  // The first client's struct count is in the header: a bulk update from one client (the usual
  // shape of a flood) is refused without the cost of decoding it.
  const declared = declaredStructs(update);
  if (declared > limits.maxStructs) throw tooManyStructs(declared, limits);
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new ConnectionError(
      CloseCode.invalidPayload,
      `undecodable Yjs update: ${errorText(error)}`,
    );
  }
  let count = decoded.structs.length;
  for (const ranges of decoded.ds.clients.values()) count += ranges.length;
  if (count > limits.maxStructs) throw tooManyStructs(count, limits);
}

/** The struct count the update's first client section declares (0 if unreadable: decoding decides). */
function declaredStructs(update: Uint8Array): number {
  try {
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) === 0) return 0;
    return decoding.readVarUint(decoder);
  } catch {
    return 0;
  }
}

function tooManyStructs(count: number, limits: UpdateLimits): ConnectionError {
  return new ConnectionError(
    CloseCode.messageTooBig,
    `an update of ${count} structs exceeds MAX_UPDATE_STRUCTS (${limits.maxStructs})`,
  );
}
