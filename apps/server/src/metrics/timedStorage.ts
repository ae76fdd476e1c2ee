import type { Storage } from '../storage/Storage.ts';

/**
 * `storage` with each `append` timed (seconds, failures included). Timed at the storage
 * boundary so the write path itself carries no measuring code; only the write-ahead buffer
 * appends, so this is exactly its commit latency.
 */
export function timedStorage(storage: Storage, observe: (seconds: number) => void): Storage {
  const append: Storage['append'] = async (boardId, updates) => {
    const started = performance.now();
    try {
      return await storage.append(boardId, updates);
    } finally {
      observe((performance.now() - started) / 1000);
    }
  };
  return new Proxy(storage, {
    get(target, key) {
      if (key === 'append') return append;
      const value: unknown = Reflect.get(target, key, target);
      // Other methods run on the adapter itself, whose own (and private) fields they use.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
