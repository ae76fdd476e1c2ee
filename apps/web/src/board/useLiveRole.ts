import { useCallback, useEffect, useRef, useState } from 'react';
import { me } from '../account/accountApi.ts';
import { ROLE_CHANGED_CLOSE } from '../sync/BoardConnection.ts';
import {
  canEditBoard,
  type LiveRole,
  noticeFor,
  type RoleNotice,
  roleOnBoard,
  withLostChanges,
} from './liveRole.ts';
import type { LiveBoard } from './useLiveBoard.ts';

/**
 * The person's role on an open board, kept live. The server closes the sync socket with
 * `ROLE_CHANGED_CLOSE` when the role changes (a stock client just reconnects under the new role);
 * the page then asks the REST API for the role, and asks again after every sync, which also
 * covers a role changed while the page was offline. When the role cannot write and the doc holds
 * changes the server has not confirmed, those were refused: the device's copy is dropped and the
 * board reopened from the server, and the notice says so.
 */
export function useLiveRole(
  boardId: string,
  board: LiveBoard | null,
  reopenFromServer: () => Promise<void>,
  initial: LiveRole,
): { role: LiveRole; notice: RoleNotice | null; dismiss: () => void } {
  const [role, setRole] = useState<LiveRole>(initial);
  const [notice, setNotice] = useState<RoleNotice | null>(null);
  const roleRef = useRef(role);
  const dismiss = useCallback(() => setNotice(null), []);

  useEffect(() => {
    if (!board) return;
    const { connection } = board;
    let live = true;
    let asking: Promise<void> | null = null;
    let askAgain = false;

    const askOnce = async (): Promise<void> => {
      let found: Awaited<ReturnType<typeof me>>;
      try {
        found = await me();
      } catch {
        return; // Offline: keep the role we know; the next sync asks again.
      }
      // Signed out: the sign-in flow takes over on the next navigation.
      if (!live || !found) return;
      const next = roleOnBoard(found, boardId);
      const previous = roleRef.current;
      if (next === previous) return;
      roleRef.current = next;
      setRole(next);
      const told = noticeFor(previous, next);
      if (told) setNotice(told);
    };
    // One question at a time; a reason to ask that comes meanwhile asks once more after it.
    const ask = (): Promise<void> => {
      if (asking) {
        askAgain = true;
        return asking;
      }
      asking = (async () => {
        do {
          askAgain = false;
          await askOnce();
        } while (askAgain && live);
        asking = null;
      })();
      return asking;
    };

    const dropRefused = async (): Promise<void> => {
      await ask();
      const current = roleRef.current;
      if (!live || !connection.synced || current === null || current === 'none') return;
      if (canEditBoard(current) || !connection.holdsUnconfirmed()) return;
      live = false;
      setNotice((shown) => withLostChanges(shown, current));
      await reopenFromServer();
    };

    let synced = connection.synced;
    const unsubscribe = connection.subscribe(() => {
      const now = connection.synced;
      if (now && !synced) void dropRefused();
      synced = now;
    });
    const unlisten = connection.onServerClose((code) => {
      if (code === ROLE_CHANGED_CLOSE) void ask();
    });
    if (synced) void dropRefused();
    return () => {
      live = false;
      unsubscribe();
      unlisten();
    };
  }, [board, boardId, reopenFromServer]);

  return { role, notice, dismiss };
}
