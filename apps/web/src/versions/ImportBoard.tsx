import { type FormEvent, useId, useState } from 'react';
import { BoardTitleFields } from '../BoardTitleFields.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import type { Lang } from '../i18n/strings.ts';
import { versionStrings } from '../i18n/versionStrings.ts';
import { useNewBoard } from '../useNewBoard.ts';
import { importBoard } from './versionApi.ts';

/** The titles an exported roadmap carries, to start the form with. */
function titleOf(json: unknown): { fr: string; en: string } {
  const title = (json as { board?: { title?: { fr?: unknown; en?: unknown } } })?.board?.title;
  return {
    fr: typeof title?.fr === 'string' ? title.fr : '',
    en: typeof title?.en === 'string' ? title.en : '',
  };
}

/**
 * Administrators: a roadmap exported from a version (JSON) becomes a new board. The server
 * validates the file with the model and says what is wrong, in both languages.
 */
export function ImportBoard({ lang }: { lang: Lang }) {
  const t = versionStrings[lang];
  const id = useId();
  const [roadmap, setRoadmap] = useState<unknown>(null);
  const [title, setTitle] = useState({ fr: '', en: '' });
  const { busy, error, setError, create } = useNewBoard(lang);

  const choose = async (file: File | undefined) => {
    setError(null);
    setRoadmap(null);
    if (!file) return;
    try {
      const json: unknown = JSON.parse(await file.text());
      setRoadmap(json);
      setTitle(titleOf(json));
    } catch {
      setError(t.importInvalid);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (roadmap === null) {
      // An unreadable file keeps its own message.
      setError(error ?? t.importChooseFile);
      return;
    }
    void create(title, () => importBoard(title, roadmap));
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="fdr-card-section">
      <h2 id={`${id}-heading`}>{t.importHeading}</h2>
      <form onSubmit={submit} noValidate data-testid="import-board">
        <p id={`${id}-hint`} className="fdr-hint">
          {t.importHint}
        </p>
        <div className="fdr-field">
          <label htmlFor={`${id}-file`}>{t.importFile}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept="application/json,.json"
            aria-describedby={`${id}-hint`}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </div>
        <BoardTitleFields id={id} lang={lang} title={title} onChange={setTitle} />
        <ErrorAlert message={error} />
        <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
          {busy ? t.importing : t.importButton}
        </button>
      </form>
    </section>
  );
}
