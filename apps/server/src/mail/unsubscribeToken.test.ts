import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribeToken.ts';

describe('unsubscribe tokens', () => {
  const key = randomBytes(32);
  it('reads back who and which kind, and refuses anything altered or signed by another key', () => {
    const token = unsubscribeToken(key, 'user-1', 'digest');
    expect(readUnsubscribeToken(key, token)).toEqual({ userId: 'user-1', kind: 'digest' });
    expect(readUnsubscribeToken(randomBytes(32), token)).toBeNull();
    expect(readUnsubscribeToken(key, token.replace('digest', 'mention'))).toBeNull();
    const other = unsubscribeToken(key, 'user-2', 'digest');
    expect(
      readUnsubscribeToken(key, `${other.split('.')[0]}.digest.${token.split('.')[2]}`),
    ).toBeNull();
    expect(readUnsubscribeToken(key, 'junk')).toBeNull();
    expect(readUnsubscribeToken(key, undefined)).toBeNull();
  });
});
