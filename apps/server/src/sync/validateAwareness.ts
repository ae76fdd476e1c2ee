import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CloseCode, ConnectionError } from './CloseCode.ts';

export interface AwarenessLimits {
  maxBytes: number;
  maxDepth: number;
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null when the client removes its state. */
  state: unknown;
  /** The state as sent, re-encoded as is when entries are filtered. */
  json: string;
}

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit) return depth;
  if (value === null || typeof value !== 'object') return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
}

/**
 * Decodes an awareness update and checks it against the limits, so that one client cannot
 * poison what every later joiner receives. Throws a ConnectionError on anything wrong.
 */
export function validateAwareness(update: Uint8Array, limits: AwarenessLimits): AwarenessEntry[] {
  if (update.byteLength > limits.maxBytes) {
    throw new ConnectionError(
      CloseCode.policyViolation,
      `awareness update of ${update.byteLength} bytes exceeds AWARENESS_MAX_BYTES (${limits.maxBytes})`,
    );
  }
  const entries: AwarenessEntry[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      const state: unknown = JSON.parse(json);
      entries.push({ clientId, clock, state, json });
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
  } catch (error) {
    throw new ConnectionError(
      CloseCode.invalidPayload,
      `malformed awareness update: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  for (const entry of entries) {
    if (depthOf(entry.state, limits.maxDepth) > limits.maxDepth) {
      throw new ConnectionError(
        CloseCode.policyViolation,
        `awareness state nested deeper than AWARENESS_MAX_DEPTH (${limits.maxDepth})`,
      );
    }
  }
  return entries;
}

/** The awareness update wire format (y-protocols/awareness) for a subset of entries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}
