import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boundUpdate } from './boundUpdate.ts';
import { CloseCode, ConnectionError } from './CloseCode.ts';

function refusal(update: Uint8Array, maxStructs: number, maxBytes = 1 << 30): ConnectionError {
  try {
    boundUpdate(update, { maxBytes, maxStructs });
  } catch (error) {
    if (error instanceof ConnectionError) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** One update holding `perClient` map entries written by each of `clients` clients. */
function entriesFrom(clients: number, perClient: number): Uint8Array {
  const updates = Array.from({ length: clients }, (_, c) => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < perClient; i++) doc.getMap('m').set(`c${c}k${i}`, i);
    });
    return Y.encodeStateAsUpdate(doc);
  });
  return Y.mergeUpdates(updates);
}

describe('boundUpdate', () => {
  it('accepts an update within the limits', () => {
    expect(() =>
      boundUpdate(entriesFrom(2, 50), { maxBytes: 1 << 20, maxStructs: 100 }),
    ).not.toThrow();
  });

  it('counts the structs of every client, not only the first one’s', () => {
    const error = refusal(entriesFrom(3, 50), 120);
    expect(error.code).toBe(CloseCode.messageTooBig);
    expect(error.message).toMatch(
      /more than 120 structs and deleted ranges exceeds MAX_UPDATE_STRUCTS \(120\)/,
    );
  });

  it('counts deleted ranges', () => {
    const doc = new Y.Doc();
    const list = doc.getArray<number>('a');
    list.insert(
      0,
      Array.from({ length: 200 }, (_, i) => i),
    );
    const before = Y.encodeStateVector(doc);
    // Every other element deleted: 100 separate ranges, in an update with no new structs.
    for (let i = 199; i >= 0; i -= 2) list.delete(i, 1);
    const deletions = Y.encodeStateAsUpdate(doc, before);
    expect(refusal(deletions, 50).message).toMatch(/MAX_UPDATE_STRUCTS/);
  });

  it('refuses by size first, and an undecodable update as invalid', () => {
    expect(refusal(entriesFrom(1, 100), 1000, 100).message).toMatch(/MAX_UPDATE_BYTES/);
    expect(refusal(Uint8Array.of(1, 1, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0), 1000).code).toBe(
      CloseCode.invalidPayload,
    );
  });
});
