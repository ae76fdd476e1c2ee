import { diff, type Roadmap } from '@fdr/model';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { LiveBoard } from '../board/useLiveBoard.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { tableStrings } from '../i18n/tableStrings.ts';
import { describeChange, notableChanges } from './describeChange.ts';

/**
 * Tells each change of the board through the live region: others' changes politely, this
 * person's own as a confirmation. Returns what the page marks before acting: the cards of the
 * check-ins it posts (they come back from the server like anyone's edit), and `quietNext` for an
 * action that announces its own result (an import), so no "Saved: …" comes on top of it.
 */
export function useChangeAnnouncements(
  session: LiveBoard,
  roadmap: Roadmap,
  lang: Lang,
  announce: (text: string) => void,
) {
  const t = tableStrings[lang];
  const { connection, origin, undo } = session;
  const previous = useRef<Roadmap | null>(null);
  const originOfLast = useRef<'self' | 'others' | null>(null);
  const ownCheckins = useRef(new Set<string>());
  const quietNext = useRef(false);
  useEffect(() => {
    const onTransaction = (transaction: Y.Transaction) => {
      // The server's echo of this person's own update changes nothing: it must not turn a
      // "Saved" into "Changed by someone else" when it arrives before the view has re-rendered.
      if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
      if (transaction.origin === origin || transaction.origin === undo) {
        originOfLast.current ??= 'self';
      } else {
        originOfLast.current = 'others';
      }
    };
    connection.doc.on('afterTransaction', onTransaction);
    return () => connection.doc.off('afterTransaction', onTransaction);
  }, [connection, origin, undo]);
  useEffect(() => {
    const before = previous.current;
    previous.current = roadmap;
    const who = originOfLast.current;
    originOfLast.current = null;
    const quiet = quietNext.current;
    quietNext.current = false;
    if (!before || !who || (quiet && who === 'self')) return;
    const changes = notableChanges(diff(before, roadmap));
    if (changes.length === 0) return;
    // A check-in this person posted comes back from the server like anyone's edit.
    const mine = changes.every(
      (c) =>
        (c.kind === 'card-status-changed' || c.kind === 'card-checked-in') &&
        ownCheckins.current.has(c.cardId),
    );
    if (mine) {
      for (const c of changes) if ('cardId' in c) ownCheckins.current.delete(c.cardId);
      announce(format(t.liveSelf, { change: describeChange(changes[0]!, lang) }));
      return;
    }
    const first = describeChange(changes[0]!, lang);
    if (who === 'self') announce(format(t.liveSelf, { change: first }));
    else if (changes.length === 1) announce(format(t.liveRemote, { change: first }));
    else announce(format(t.liveRemoteMany, { count: changes.length, change: first }));
  }, [roadmap, announce, lang, t]);

  return { ownCheckins, quietNext };
}
