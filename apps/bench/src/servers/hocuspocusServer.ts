/**
 * Hocuspocus as the harness runs it: the stock `Server` with its defaults, no extension, so
 * documents live in memory only (nothing is stored; see docs/benchmarks.md). Listens on
 * 127.0.0.1 on a free port and prints one JSON line with that port.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
console.log(JSON.stringify({ msg: 'listening', port: server.address.port }));
