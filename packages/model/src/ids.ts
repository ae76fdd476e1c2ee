type CryptoWithUuid = { readonly crypto: { randomUUID(): string } };

/**
 * Random record id. `crypto.randomUUID` is a global in browsers and Node ≥ 19; reaching it
 * through globalThis keeps the model free of node:* imports and of DOM typings.
 */
export function newId(): string {
  return (globalThis as unknown as CryptoWithUuid).crypto.randomUUID();
}
