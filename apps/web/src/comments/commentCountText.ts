import { format } from '../i18n/format.ts';
import { commentStrings } from './commentStrings.ts';

/** "3 comments", "1 commentaire", "No comments": for descriptions and labels. */
export function commentCountText(count: number, lang: 'fr' | 'en'): string {
  const t = commentStrings[lang];
  if (count <= 0) return t.countNone;
  if (count === 1) return t.countOne;
  return format(t.countLabel, { count });
}
