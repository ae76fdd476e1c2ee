/*
 * Meetings as served: the shapes are the model's (`@fdr/model`, the web app reads the same ones);
 * the server adds its clock.
 */

/** `YYYY-MM-DD` of a time, on the server's clock (UTC). */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
