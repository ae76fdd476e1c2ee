import { useSyncExternalStore } from 'react';
import { type Lang, strings } from '../i18n/strings.ts';
import type { BoardConnection, SyncState } from '../sync/BoardConnection.ts';

const LABEL: Record<
  SyncState,
  'syncConnecting' | 'syncConnected' | 'syncSyncing' | 'syncOffline' | 'syncOfflinePending'
> = {
  connecting: 'syncConnecting',
  connected: 'syncConnected',
  syncing: 'syncSyncing',
  offline: 'syncOffline',
  'offline-pending': 'syncOfflinePending',
};

/** Symbols as well as colours: the state is never told by colour alone. */
const ICON: Record<SyncState, string> = {
  connecting: '…',
  connected: '✓',
  syncing: '↻',
  offline: '⨯',
  'offline-pending': '⨯',
};

function useSyncState(connection: BoardConnection): SyncState {
  return useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.syncState,
  );
}

/** Connected, syncing, or offline (with or without changes waiting to be sent). */
export function SyncBadge({ connection, lang }: { connection: BoardConnection; lang: Lang }) {
  const state = useSyncState(connection);
  const t = strings[lang];
  return (
    <div
      className={`fdr-sync fdr-sync--${state}`}
      role="status"
      aria-label={t.syncLabel}
      data-testid="sync-state"
      data-sync-state={state}
    >
      <span aria-hidden="true" className="fdr-sync__icon">
        {ICON[state]}
      </span>
      <span className="fdr-sync__text">{t[LABEL[state]]}</span>
    </div>
  );
}
