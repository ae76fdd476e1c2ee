import { useState } from 'react';
import { errorText } from '../errorText.ts';
import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { meetingStrings } from './meetingStrings.ts';

/**
 * A meeting form's save: `busy` while it runs, the server's refusal as `error` (`saveFailed`),
 * `done` for what the form says once it has saved. The form checks its fields before, setting
 * `error` itself.
 */
export function useSaving(lang: Lang) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const save = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(format(meetingStrings[lang].saveFailed, { message: errorText(caught, lang) }));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, done, setDone, save };
}
