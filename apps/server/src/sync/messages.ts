import * as encoding from 'lib0/encoding';

/** Top-level message types of the y-websocket protocol. */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
/** Sub-types of a sync message (y-protocols/sync). */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

function encodeSync(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(SyncType.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(SyncType.step2, update);
export const encodeSyncUpdate = (update: Uint8Array) => encodeSync(SyncType.update, update);

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}
