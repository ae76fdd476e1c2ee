import { describe, expect, it } from 'vitest';
import { deriveSyncState } from './BoardConnection.ts';

describe('deriveSyncState', () => {
  const base = { connected: false, synced: false, pending: false, triedOnce: false };

  it('says connecting until the first attempt ends', () => {
    expect(deriveSyncState(base)).toBe('connecting');
  });

  it('says syncing while the first sync runs or the server has not confirmed our edits', () => {
    expect(deriveSyncState({ ...base, connected: true })).toBe('syncing');
    expect(deriveSyncState({ ...base, connected: true, synced: true, pending: true })).toBe(
      'syncing',
    );
    expect(deriveSyncState({ ...base, connected: true, synced: true })).toBe('connected');
  });

  it('tells offline from offline with changes waiting', () => {
    expect(deriveSyncState({ ...base, triedOnce: true })).toBe('offline');
    expect(deriveSyncState({ ...base, triedOnce: true, pending: true })).toBe('offline-pending');
  });
});
