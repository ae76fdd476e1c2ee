import type { LocalizedText } from '@fdr/model';
import { VERSION_NAME_MAX, VERSION_NOTE_MAX } from '@fdr/model';

/** How much of the decision's text names its version. */
const NAME_TEXT_CHARS = 60;

/** The first `max` UTF-16 units (the model's limits count them), never half a character. */
function cut(text: string, max: number): string {
  const head = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}

/**
 * The name and note of the version taken with a decision: `Décision / Decision — <heldOn> —
 * <first words, English else French>`, and both texts as the note, each cut to the model's
 * limits.
 */
export function decisionVersion(
  heldOn: string,
  text: LocalizedText,
): { name: string; note: string } {
  const words = cut((text.en !== '' ? text.en : text.fr).replace(/\s+/g, ' '), NAME_TEXT_CHARS);
  const name = cut(`Décision / Decision — ${heldOn} — ${words}`.trim(), VERSION_NAME_MAX).trim();
  const note = cut(`${text.fr}\n\n${text.en}`, VERSION_NOTE_MAX);
  return { name, note };
}
