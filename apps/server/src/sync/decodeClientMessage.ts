import * as decoding from 'lib0/decoding';
import { CloseCode, ConnectionError } from './CloseCode.ts';
import { MessageType, SyncType } from './messages.ts';

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

function readPayload(decoder: decoding.Decoder, what: string): Uint8Array {
  const length = decoding.readVarUint(decoder);
  // Checked before lib0 slices, so a huge declared length fails with a clear reason.
  if (length > decoder.arr.length - decoder.pos) {
    throw new ConnectionError(
      CloseCode.invalidPayload,
      `${what} declares ${length} bytes but only ${decoder.arr.length - decoder.pos} follow`,
    );
  }
  return decoding.readUint8Array(decoder, length);
}

/**
 * Parses one binary y-websocket message from a client. Anything that is not exactly one
 * well-formed message (truncated varint, unknown type, trailing bytes) throws a ConnectionError.
 * The Yjs payload itself is not checked here: see `Board.applyClientUpdate`.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  let message: ClientMessage;
  try {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === SyncType.step1) {
          message = { kind: 'sync-step1', stateVector: readPayload(decoder, 'sync step 1') };
        } else if (syncType === SyncType.step2) {
          message = { kind: 'sync-step2', update: readPayload(decoder, 'sync step 2') };
        } else if (syncType === SyncType.update) {
          message = { kind: 'update', update: readPayload(decoder, 'update') };
        } else {
          throw new ConnectionError(
            CloseCode.invalidPayload,
            `unknown sync message type ${syncType}`,
          );
        }
        break;
      }
      case MessageType.awareness:
        message = { kind: 'awareness', update: readPayload(decoder, 'awareness update') };
        break;
      case MessageType.queryAwareness:
        message = { kind: 'query-awareness' };
        break;
      default:
        throw new ConnectionError(CloseCode.invalidPayload, `unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ConnectionError) throw error;
    // lib0 throws on a truncated or overlong varint; name it for the log line.
    throw new ConnectionError(
      CloseCode.invalidPayload,
      `malformed message: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (decoding.hasContent(decoder)) {
    throw new ConnectionError(
      CloseCode.invalidPayload,
      `malformed message: ${decoder.arr.length - decoder.pos} trailing bytes`,
    );
  }
  return message;
}
