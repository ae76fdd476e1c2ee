/**
 * The floor of the light-client measures: a websocket relay and nothing else. Every binary
 * message a client sends goes as it is to every other client connected on the same path; no
 * Yjs, no storage, no batching, no checks. Listens on 127.0.0.1 on a free port and prints one
 * JSON line with that port.
 */
import { type WebSocket, WebSocketServer } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });

server.on('connection', (socket, request) => {
  const path = request.url ?? '/';
  let room = rooms.get(path);
  if (!room) {
    room = new Set();
    rooms.set(path, room);
  }
  room.add(socket);
  socket.on('error', () => {});
  socket.on('message', (data, isBinary) => {
    if (!isBinary) return;
    for (const other of room) {
      if (other !== socket && other.readyState === other.OPEN) other.send(data, { binary: true });
    }
  });
  socket.on('close', () => {
    room.delete(socket);
    if (room.size === 0) rooms.delete(path);
  });
});

server.on('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(JSON.stringify({ msg: 'listening', port }));
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const client of server.clients) client.terminate();
    server.close(() => process.exit(0));
  });
}
