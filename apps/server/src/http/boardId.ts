/** Board ids travel in URLs and log lines: keep them short and plain. */
export const BOARD_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
