import type { SqlExecutor } from '../auth/SqlExecutor.ts';
import type { MailKind, MailPayloads } from './MailKind.ts';
import { wake } from './wake.ts';

export interface OutgoingMail<K extends MailKind = MailKind> {
  /** Event + recipient, e.g. `mention:<commentId>:<userId>`: the same key is enqueued once. */
  key: string;
  kind: K;
  boardId?: string | null;
  userId?: string | null;
  email: string;
  lang: 'fr' | 'en';
  payload: MailPayloads[K];
}

/**
 * Writes one message into the outbox, through the caller's transaction so the message exists
 * exactly when the event that causes it does. Returns false when the key was already there.
 * The sender (mail/MailSender.ts) delivers it later; nothing here touches the network.
 */
export async function enqueueMail<K extends MailKind>(
  tx: SqlExecutor,
  mail: OutgoingMail<K>,
  now = Date.now(),
): Promise<boolean> {
  const inserted = await tx.run(
    `INSERT INTO mail_outbox (idem_key, kind, board_id, user_id, email, lang, payload, next_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING`,
    [
      mail.key,
      mail.kind,
      mail.boardId ?? null,
      mail.userId ?? null,
      mail.email,
      mail.lang,
      JSON.stringify(mail.payload),
      now,
      now,
    ],
  );
  // The senders of this process look shortly after, once the caller's transaction has most
  // likely committed (a caller may also call `wake()` right after its commit); else at their poll.
  if (inserted > 0) setTimeout(wake, 25).unref();
  return inserted > 0;
}
