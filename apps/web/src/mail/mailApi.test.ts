import { describe, expect, it } from 'vitest';
import { plausibleEmail, readMailRow } from './mailApi.ts';

describe('mail in the browser', () => {
  it('takes a first look at an address, leaving the verdict to the server', () => {
    expect(plausibleEmail('tala@example.ca')).toBe(true);
    expect(plausibleEmail('  tala@example.ca ')).toBe(true);
    expect(plausibleEmail('tala@example')).toBe(false);
    expect(plausibleEmail('tala example.ca')).toBe(false);
    expect(plausibleEmail('@example.ca')).toBe(false);
  });

  it('reads an outbox row field by field', () => {
    expect(
      readMailRow(
        {
          id: 7,
          kind: 'mention',
          email: 'a@b.ca',
          state: 'failed',
          attempts: 3,
          lastError: '550 no such user',
          createdAt: 10,
          sentAt: null,
        },
        0,
      ),
    ).toEqual({
      id: 7,
      kind: 'mention',
      email: 'a@b.ca',
      state: 'failed',
      attempts: 3,
      lastError: '550 no such user',
      createdAt: 10,
      sentAt: null,
    });
    expect(readMailRow({ recipient: 'x@y.ca', last_error: 'timeout', created_at: 5 }, 2)).toEqual({
      id: 2,
      kind: '',
      email: 'x@y.ca',
      state: '',
      attempts: 0,
      lastError: 'timeout',
      createdAt: 5,
      sentAt: null,
    });
    expect(readMailRow(null, 4).id).toBe(4);
  });
});
