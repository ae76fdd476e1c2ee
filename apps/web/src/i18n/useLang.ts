import { useCallback, useEffect, useState } from 'react';
import type { Lang } from './strings.ts';

const KEY = 'fdr.lang';

/** The stored choice, else the browser's preference, else French. */
export function initialLang(stored: string | null, browser: readonly string[] | undefined): Lang {
  if (stored === 'fr' || stored === 'en') return stored;
  for (const tag of browser ?? []) {
    const base = tag.toLowerCase().slice(0, 2);
    if (base === 'fr' || base === 'en') return base;
  }
  return 'fr';
}

/** The UI language, remembered in this browser, and mirrored on `<html lang>`. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLangState] = useState<Lang>(() => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(KEY);
    } catch {
      // Storage disabled: fall back to the browser's languages.
    }
    return initialLang(stored, typeof navigator === 'undefined' ? [] : navigator.languages);
  });
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Not remembered, but switched.
    }
  }, []);
  return [lang, setLang];
}
