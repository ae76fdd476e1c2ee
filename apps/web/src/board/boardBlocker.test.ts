import { describe, expect, it } from 'vitest';
import type { BoardEntry } from '../api.ts';
import { boardBlocker } from './boardBlocker.ts';

const entry = { id: 'b' } as BoardEntry;
const base = { entry, status: 'empty', synced: false, syncState: 'connecting' } as const;

describe('boardBlocker', () => {
  it('lets the board show, or wait, while nothing says otherwise', () => {
    expect(boardBlocker(base)).toBeNull();
    expect(boardBlocker({ ...base, entry: 'unknown', syncState: 'syncing' })).toBeNull();
    expect(
      boardBlocker({ ...base, status: 'ready', synced: true, syncState: 'offline' }),
    ).toBeNull();
  });

  it('says the board does not exist when the catalog or the synced doc says so', () => {
    expect(boardBlocker({ ...base, entry: null, status: 'ready' })).toBe('boardNotFound');
    expect(boardBlocker({ ...base, entry: 'unknown', synced: true })).toBe('boardNotFound');
  });

  it('refuses a board written by a newer version of the app', () => {
    expect(boardBlocker({ ...base, status: 'too-new', synced: true })).toBe('boardTooNew');
  });

  it('cannot tell offline, with nothing cached', () => {
    for (const syncState of ['offline', 'offline-pending'] as const) {
      expect(boardBlocker({ ...base, entry: 'unknown', syncState })).toBe('boardOfflineUnknown');
    }
  });
});
