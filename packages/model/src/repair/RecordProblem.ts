import type { Localized } from '../records/localized.ts';

/** The kinds of record a board holds; `board` is the board's own settings and title. */
export type RecordKind =
  | 'board'
  | 'domain'
  | 'phase'
  | 'period'
  | 'card'
  | 'checkin'
  | 'item'
  | 'annotation';

/**
 * One record a tolerant reader could not take as stored: what it is, which field was at fault
 * and why (the model validator's own message), and what the reader did about it.
 */
export type RecordProblem = {
  readonly kind: RecordKind;
  readonly id: string;
  /** The field at fault (`colour`, `title`, `cell`…), or null when the record as a whole is. */
  readonly field: string | null;
  /** `repaired`: shown, with the reader's fallback for that field; `dropped`: not shown. */
  readonly outcome: 'repaired' | 'dropped';
  readonly message: Localized;
};
