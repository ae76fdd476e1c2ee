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
