/**
 * Every kind of mail the product sends, with the data its outbox row carries. The message is
 * rendered from this data in both languages when it is sent (mail/renderMail.ts), so a row
 * written inside another transaction stays small and needs no strings.
 */
export interface Bilingual {
  fr: string;
  en: string;
}

export interface MailPayloads {
  /** An invitation to a board, mailed to the address the inviter typed. */
  invite: {
    boardId: string;
    boardTitle: Bilingual;
    inviterName: string;
    role: string;
    link: string;
  };
  /** A password-reset link sent by an operator (`pnpm admin reset-password --send`). */
  'password-reset': { name: string; link: string };
  /** Someone mentioned the recipient in a comment. */
  mention: CommentMail;
  /** Someone replied in a thread the recipient wrote in. */
  reply: CommentMail;
  /** The recipient's task team has cards without a recent check-in. */
  'checkin-reminder': {
    boardId: string;
    boardTitle: Bilingual;
    cards: { cardId: string; label: Bilingual; lastCheckinAt: number | null }[];
    link: string;
  };
  /** A named version was taken: what changed since the previous one. */
  digest: {
    boardId: string;
    boardTitle: Bilingual;
    versionName: string;
    /** Each change as a sentence in both languages, at most a few dozen; `more` counts the rest. */
    lines: Bilingual[];
    more: number;
    link: string;
  };
  /** The secretariat gave the recipient an action. */
  'action-assigned': ActionMail & { assignerName: string };
  /** The recipient's open action is due soon, or overdue. */
  'action-due': ActionMail & { overdue: boolean };
}

/** An action of a meeting, for its owner. */
export interface ActionMail {
  boardId: string;
  boardTitle: Bilingual;
  actionTitle: Bilingual;
  /** `YYYY-MM-DD`. */
  dueOn: string;
  link: string;
}

export interface CommentMail {
  boardId: string;
  boardTitle: Bilingual;
  authorName: string;
  /** The card's or item's label. */
  targetLabel: Bilingual;
  excerpt: string;
  link: string;
}

export type MailKind = keyof MailPayloads;

/** Kinds a person may turn off (invitations and password resets are always sent). */
export const OPTIONAL_MAIL_KINDS = ['mention', 'reply', 'checkin-reminder', 'digest'] as const;
