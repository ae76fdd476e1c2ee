import type * as Y from 'yjs';

/**
 * Yjs keeps the parts of an update whose dependencies it lacks (`store.pendingStructs`,
 * `store.pendingDs`) and integrates them once the dependencies arrive. The server never keeps
 * them: what it holds must be exactly what is stored. Drops them and says whether there were any
 * (the caller then asks for what is missing).
 */
export function dropUnintegrated(doc: Y.Doc): boolean {
  const store = doc.store;
  const had = store.pendingStructs !== null || store.pendingDs !== null;
  store.pendingStructs = null;
  store.pendingDs = null;
  return had;
}
