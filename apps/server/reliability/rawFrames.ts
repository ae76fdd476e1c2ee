import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** Websocket frames no conforming client sends, built by hand (RFC 6455 framing). */
export const HOSTILE_FRAMES: Record<string, () => Buffer> = {
  'reserved bits set': () => frame(0xc2, Buffer.from([0, 0, 1])),
  'unknown opcode': () => frame(0x83, Buffer.from([1, 2, 3])),
  'invalid UTF-8 in a text frame': () => frame(0x81, Buffer.from([0xff, 0xfe, 0xfd])),
  'unmasked client frame': () => Buffer.from([0x82, 0x03, 1, 2, 3]),
  'declared length of 2^62 bytes': () => {
    const header = Buffer.alloc(14);
    header[0] = 0x82;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(2n ** 62n, 2);
    randomBytes(4).copy(header, 10);
    return header;
  },
  'control frame over 125 bytes': () => frame(0x89, Buffer.alloc(126)),
  'fragmented control frame': () => frame(0x09, Buffer.from([1])),
  'continuation without a start': () => frame(0x80, Buffer.from([1, 2])),
};

function frame(firstByte: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const length =
    payload.length < 126
      ? Buffer.from([0x80 | payload.length])
      : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([firstByte]), length, mask, masked]);
}

/**
 * Opens a TCP connection, performs the websocket handshake by hand, sends `bytes`, and resolves
 * once the server has closed the connection (true) or `timeoutMs` passed (false).
 */
export async function sendRaw(
  host: string,
  port: number,
  path: string,
  bytes: Buffer,
  cookie: string,
  timeoutMs = 3000,
): Promise<boolean> {
  const socket: Socket = connect(port, host);
  socket.on('error', () => {});
  const closed = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nCookie: ${cookie}\r\n\r\n`,
  );
  await new Promise<void>((resolve) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) {
        socket.off('data', onData);
        resolve();
      }
    };
    socket.on('data', onData);
  });
  socket.write(bytes);
  const result = await closed;
  socket.destroy();
  return result;
}
