/*
 * Lengths the model's validators, the server's routes and the web app's fields share, so that a
 * field never accepts what the next layer refuses. Counted in UTF-16 code units, as
 * `String.length` and the `maxLength` attribute count them.
 */

/** A board's title, per language. */
export const BOARD_TITLE_MAX = 200;
/** The label of a domain of interest, a phase or a period, per language. */
export const LABEL_MAX = 200;
/** A task team's title, per language. */
export const CARD_TITLE_MAX = 300;
/** A card's lead jurisdiction, one member's name, a check-in's author. */
export const NAME_MAX = 200;
/** A check-in's summary, asks and risks, per language. */
export const CHECKIN_TEXT_MAX = 5_000;
/** A milestone's label, per language. */
export const MILESTONE_LABEL_MAX = 500;
/** A roadmap item's label, per language. */
export const ITEM_LABEL_MAX = 500;
/** The task-team cards one roadmap item may name as delivering it. */
export const ITEM_CARDS_MAX = 50;
/** A version's name and note. */
export const VERSION_NAME_MAX = 200;
export const VERSION_NOTE_MAX = 5_000;
/** The shortest password an account may have. */
export const MIN_PASSWORD_LENGTH = 12;
/*
 * Meetings: the server's defaults (its configuration may change the first six; its refusal is then
 * shown as it says it). The web app uses them for `maxLength` and the vote form's bounds.
 */
/** A meeting's title and a vote's question, per language. */
export const MEETING_TITLE_MAX = 200;
/** The entries on one meeting's agenda. */
export const MEETING_AGENDA_MAX = 50;
/** The cards and items one dot vote may be on. */
export const VOTE_OPTIONS_MAX = 50;
/** The dots a vote may give each council member. */
export const VOTE_DOTS_MAX = 20;
/** A decision's text, per language. */
export const DECISION_TEXT_MAX = 4_000;
/** An action's title, per language. */
export const ACTION_TITLE_MAX = 300;
/** The longest timer of an agenda entry, in minutes (not configurable). */
export const ENTRY_MINUTES_MAX = 120;
