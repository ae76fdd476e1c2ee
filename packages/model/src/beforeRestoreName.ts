/**
 * The name of the version a restore keeps of the board just before it. A version carries one
 * name for both languages, so it holds both sentences; readers show the one of their language
 * (`beforeRestoreNameIn`), and the pair reads as the bilingual name anywhere else (API, logs).
 */
const FR_OPEN = 'Avant la restauration de « ';
const FR_CLOSE = ' »';
const EN_OPEN = 'Before restoring “';
const EN_CLOSE = '”';
const SEPARATOR = ' / ';

export function beforeRestoreName(restored: string): string {
  return `${FR_OPEN}${restored}${FR_CLOSE}${SEPARATOR}${EN_OPEN}${restored}${EN_CLOSE}`;
}

/** The sentence in one language when `name` is one that `beforeRestoreName` wrote, else null. */
export function beforeRestoreNameIn(name: string, lang: 'fr' | 'en'): string | null {
  if (!name.startsWith(FR_OPEN) || !name.endsWith(EN_CLOSE)) return null;
  // The restored name is the same on both sides of the separator, so its length is known.
  const inner = name.length - FR_OPEN.length - FR_CLOSE.length - SEPARATOR.length;
  const restoredLength = (inner - EN_OPEN.length - EN_CLOSE.length) / 2;
  if (!Number.isInteger(restoredLength) || restoredLength < 0) return null;
  const restored = name.slice(FR_OPEN.length, FR_OPEN.length + restoredLength);
  if (name !== beforeRestoreName(restored)) return null;
  return lang === 'fr' ? `${FR_OPEN}${restored}${FR_CLOSE}` : `${EN_OPEN}${restored}${EN_CLOSE}`;
}
