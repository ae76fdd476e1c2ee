import { CloseCode, ConnectionError } from './CloseCode.ts';
import { errorText } from './errorText.ts';
import { scanUpdate } from './scanUpdate.ts';

export interface UpdateLimits {
  /** MAX_UPDATE_BYTES */
  maxBytes: number;
  /** MAX_UPDATE_STRUCTS */
  maxStructs: number;
}

/**
 * Checks a client's document update before any of it is applied: its size, that its framing holds
 * together, and how much it holds (structs plus deleted ranges), which is what applying it costs.
 * `scanUpdate` reads only lengths and counts (it builds nothing), so the one decode of the update
 * is Yjs's own, in `Y.applyUpdate`. Throws a ConnectionError; the update is then neither applied,
 * stored nor broadcast.
 */
export function boundUpdate(update: Uint8Array, limits: UpdateLimits): void {
  if (update.byteLength > limits.maxBytes) {
    throw new ConnectionError(
      CloseCode.messageTooBig,
      `a ${update.byteLength}-byte update exceeds MAX_UPDATE_BYTES (${limits.maxBytes})`,
    );
  }
  let shape: ReturnType<typeof scanUpdate>;
  try {
    shape = scanUpdate(update, limits.maxStructs);
  } catch (error) {
    throw new ConnectionError(
      CloseCode.invalidPayload,
      `undecodable Yjs update: ${errorText(error)}`,
    );
  }
  const count = shape.structs + shape.deleteRanges;
  if (count > limits.maxStructs) {
    throw new ConnectionError(
      CloseCode.messageTooBig,
      // The scan stops counting past the limit: the total is not known.
      `an update of more than ${limits.maxStructs} structs and deleted ranges exceeds MAX_UPDATE_STRUCTS (${limits.maxStructs})`,
    );
  }
}
