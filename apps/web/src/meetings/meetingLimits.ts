/*
 * The server's default limits for meeting fields (its configuration may change them; its refusal
 * is then shown as it says it). Used for `maxLength` and the vote form's bounds.
 */
export const MEETING_TITLE_MAX = 200;
export const MEETING_AGENDA_MAX = 50;
export const VOTE_DOTS_MAX = 20;
export const DECISION_TEXT_MAX = 4000;
export const ACTION_TITLE_MAX = 300;
/** The longest timer of an agenda entry, in minutes. */
export const ENTRY_MINUTES_MAX = 120;
