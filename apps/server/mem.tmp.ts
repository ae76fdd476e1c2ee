import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { silentLogger } from './src/test/boardKit.ts';

const N = 2000;
const measure = (name: string, make: () => unknown) => {
  const keep: unknown[] = [];
  globalThis.gc!();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < N; i++) keep.push(make());
  globalThis.gc!();
  const after = process.memoryUsage().heapUsed;
  console.log(name, ((after - before) / N).toFixed(0), 'B each', keep.length);
};
const log = silentLogger();
measure('empty Y.Doc', () => new Y.Doc());
measure('awareness', () => new awarenessProtocol.Awareness(new Y.Doc()));
measure('pino child', () => log.child({ board: 'abcdefghijkl' }));
measure('Map', () => new Map());
