import { useEffect, useRef } from 'react';
import { subscribeLive } from '../sync/liveEvents.ts';

/**
 * Calls `refresh` whenever the server says a meeting of the board changed (any meeting when
 * `meetingId` is null), and when the tab comes back: events sent while the stream was down are
 * not replayed, so a page left in the background refetches rather than trust them alone.
 */
export function useMeetingsLive(
  boardId: string,
  meetingId: string | null,
  refresh: () => void,
): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const unsubscribe = subscribeLive('meetings', (data) => {
      if (data.boardId !== boardId) return;
      // A vote, decision or action without a meeting concerns every meeting page of the board.
      if (meetingId !== null && data.meetingId !== null && data.meetingId !== meetingId) return;
      latest.current();
    });
    const onVisible = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [boardId, meetingId]);
}
