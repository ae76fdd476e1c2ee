import { useMemo } from 'react';
import { type TLCurrentUser, useTldrawCurrentUser } from 'tldraw';
import type { Lang } from '../i18n/strings.ts';
import type { Identity } from '../sync/identity.ts';

/**
 * The tldraw user of a canvas, in the UI language: tldraw's menus read the language from the
 * user's preferences (the `locale` prop only covers what renders outside them).
 */
export function useCanvasUser({ id, name, color }: Identity, lang: Lang): TLCurrentUser {
  const userPreferences = useMemo(
    () => ({ id, name, color, locale: lang, colorScheme: 'light' as const }),
    [id, name, color, lang],
  );
  return useTldrawCurrentUser({ userPreferences });
}
