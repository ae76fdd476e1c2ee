import type { Localized } from '@fdr/model';
import { useState } from 'react';
import type { BoardEntry } from './api.ts';
import { errorText } from './errorText.ts';
import { type Lang, strings } from './i18n/strings.ts';
import { boardPath, navigate } from './router.ts';

/**
 * The submitting side of a form that makes a new board (from a template on the home page, from
 * an exported roadmap for administrators): a title in at least one language, one request at a
 * time, then the new board opens; a refusal stays on the form, in the UI language.
 */
export function useNewBoard(lang: Lang): {
  busy: boolean;
  error: string | null;
  /** For what the form checks itself (a file to import, say). */
  setError: (error: string | null) => void;
  create: (title: Localized, request: () => Promise<BoardEntry>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async (title: Localized, request: () => Promise<BoardEntry>) => {
    if (title.fr.trim() === '' && title.en.trim() === '') {
      setError(strings[lang].titleRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const board = await request();
      navigate(boardPath(board.id));
    } catch (e) {
      setError(errorText(e, lang));
      // Still busy on success: the page is leaving for the board.
      setBusy(false);
    }
  };
  return { busy, error, setError, create };
}
