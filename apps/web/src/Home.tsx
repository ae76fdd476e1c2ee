import {
  BOARD_STRUCTURE_LIMITS,
  BOARD_TITLE_MAX,
  canAdminister,
  DEFAULT_PERIOD_COUNT,
  DEFAULT_PERIOD_MONTHS,
  localize,
} from '@fdr/model';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import type { User } from './account/accountApi.ts';
import { UserMenu } from './account/UserMenu.tsx';
import {
  type BoardEntry,
  type BoardTemplate,
  createBoard,
  listBoards,
  renameBoard,
} from './api.ts';
import { BoardTitleFields } from './BoardTitleFields.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { errorText } from './errorText.ts';
import { accountStrings } from './i18n/accountStrings.ts';
import { checkinStrings } from './i18n/checkinStrings.ts';
import { format, formatDateTime } from './i18n/format.ts';
import { type Lang, strings } from './i18n/strings.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { Link } from './Link.tsx';
import { NotificationBell } from './notifications/NotificationBell.tsx';
import { boardIdFromInput, boardPath, membersPath, myTeamsPath, navigate } from './router.ts';
import { BoardTimeFields, draftStructure, type TimeDraft } from './structure/BoardTimeFields.tsx';
import { newBoardStrings } from './structure/newBoardStrings.ts';
import { useNewBoard } from './useNewBoard.ts';
import { ImportBoard } from './versions/ImportBoard.tsx';

type ListState = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; boards: BoardEntry[] };

/** Titles a new board starts with, per starting point; the user may change them. */
const DEFAULT_TITLES: Record<BoardTemplate, { fr: string; en: string }> = {
  'joint-councils-2016': {
    fr: 'Feuille de route des Conseils mixtes',
    en: 'Joint Councils roadmap',
  },
  blank: { fr: '', en: '' },
};

/** The home page: the boards, creating one, renaming, opening by address. */
export function Home({
  lang,
  setLang,
  user,
}: {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Null when the session is unknown (offline). */
  user: User | null;
}) {
  const t = strings[lang];
  const [state, setState] = useState<ListState>({ kind: 'loading' });

  useEffect(() => {
    document.title = t.title;
  }, [t.title]);

  const reload = useCallback(() => {
    listBoards()
      .then((boards) => setState({ kind: 'ready', boards }))
      .catch(() => setState({ kind: 'error' }));
  }, []);
  useEffect(reload, [reload]);

  return (
    <main className="fdr-home">
      <header className="fdr-home__header">
        <h1>{t.title}</h1>
        <div className="fdr-home__tools">
          {user && (
            <Link href={myTeamsPath} data-testid="my-teams-link">
              {checkinStrings[lang].navMyTeams}
            </Link>
          )}
          {user && <NotificationBell lang={lang} />}
          {user && <UserMenu user={user} lang={lang} />}
          <LangSwitch lang={lang} setLang={setLang} />
        </div>
      </header>
      <p className="fdr-home__tagline">{t.tagline}</p>

      <section aria-labelledby="boards-heading">
        <h2 id="boards-heading">{t.boards}</h2>
        <div aria-live="polite">
          {state.kind === 'loading' && <p>{t.loading}</p>}
          {state.kind === 'error' && <p role="alert">{t.error}</p>}
          {state.kind === 'ready' && state.boards.length === 0 && (
            <div className="fdr-empty" data-testid="empty-state">
              <p>
                <strong>{t.empty}</strong>
              </p>
              <p>{t.emptyHint}</p>
            </div>
          )}
          {state.kind === 'ready' && state.boards.length > 0 && (
            <ul className="fdr-board-list" data-testid="board-list">
              {state.boards.map((board) => (
                <BoardItem key={board.id} board={board} lang={lang} onRenamed={reload} />
              ))}
            </ul>
          )}
        </div>
      </section>

      {/* Boards are created by the instance administrators (the server enforces it too). */}
      {user?.isAdmin && <CreateBoard lang={lang} />}
      {user?.isAdmin && <ImportBoard lang={lang} />}
      <OpenByAddress lang={lang} />
    </main>
  );
}

function BoardItem({
  board,
  lang,
  onRenamed,
}: {
  board: BoardEntry;
  lang: Lang;
  onRenamed: () => void;
}) {
  const t = strings[lang];
  const [editing, setEditing] = useState(false);
  const title = localize(board.title, lang);
  const other = lang === 'fr' ? board.title.en : board.title.fr;
  return (
    <li className="fdr-board-item">
      <div className="fdr-board-item__main">
        <Link href={boardPath(board.id)} className="fdr-board-item__link">
          <span lang={board.title[lang] === '' ? (lang === 'fr' ? 'en' : 'fr') : lang}>
            {title}
          </span>
        </Link>
        {other !== '' && other !== title && (
          <span className="fdr-board-item__other" lang={lang === 'fr' ? 'en' : 'fr'}>
            {other}
          </span>
        )}
        <span className="fdr-board-item__date">
          {t.updated} {formatDateTime(board.updatedAt, lang)}
        </span>
      </div>
      {(board.role === undefined || canAdminister(board.role)) && (
        <Link href={membersPath(board.id)} className="fdr-button fdr-button--quiet">
          {accountStrings[lang].membersTitle}
          <span className="fdr-sr-only"> — {title}</span>
        </Link>
      )}
      {editing ? (
        <RenameForm
          board={board}
          lang={lang}
          onDone={(changed) => {
            setEditing(false);
            if (changed) onRenamed();
          }}
        />
      ) : (
        <button
          type="button"
          className="fdr-button fdr-button--quiet"
          aria-label={format(t.renameBoard, { title })}
          onClick={() => setEditing(true)}
        >
          {t.rename}
        </button>
      )}
    </li>
  );
}

function RenameForm({
  board,
  lang,
  onDone,
}: {
  board: BoardEntry;
  lang: Lang;
  onDone: (changed: boolean) => void;
}) {
  const t = strings[lang];
  const id = useId();
  const [fr, setFr] = useState(board.title.fr);
  const [en, setEn] = useState(board.title.en);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fr.trim() === '' && en.trim() === '') {
      setError(t.titleRequired);
      return;
    }
    setBusy(true);
    try {
      await renameBoard(board.id, { fr, en });
      onDone(true);
    } catch (e) {
      setError(errorText(e, lang));
      setBusy(false);
    }
  };
  return (
    <form
      className="fdr-rename"
      onSubmit={submit}
      aria-label={format(t.renameBoard, { title: localize(board.title, lang) })}
      onKeyDown={(e) => e.key === 'Escape' && onDone(false)}
    >
      <label htmlFor={`${id}-fr`}>{t.titleFr}</label>
      <input
        id={`${id}-fr`}
        lang="fr"
        value={fr}
        maxLength={BOARD_TITLE_MAX}
        onChange={(e) => setFr(e.target.value)}
      />
      <label htmlFor={`${id}-en`}>{t.titleEn}</label>
      <input
        id={`${id}-en`}
        lang="en"
        value={en}
        maxLength={BOARD_TITLE_MAX}
        onChange={(e) => setEn(e.target.value)}
      />
      <ErrorAlert message={error} />
      <div className="fdr-actions">
        <button type="submit" className="fdr-button" disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
        <button
          type="button"
          className="fdr-button fdr-button--quiet"
          onClick={() => onDone(false)}
        >
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function CreateBoard({ lang }: { lang: Lang }) {
  const t = strings[lang];
  const id = useId();
  const [template, setTemplate] = useState<BoardTemplate>('joint-councils-2016');
  const [title, setTitle] = useState(DEFAULT_TITLES['joint-councils-2016']);
  const [touched, setTouched] = useState(false);
  // A blank board starts this month by default, in three six-month periods.
  const [time, setTime] = useState<TimeDraft>(() => ({
    start: new Date().toISOString().slice(0, 7),
    periodCount: String(DEFAULT_PERIOD_COUNT),
    periodMonths: String(DEFAULT_PERIOD_MONTHS),
  }));
  const { busy, error, setError, create } = useNewBoard(lang);

  const choose = (next: BoardTemplate) => {
    setTemplate(next);
    if (!touched) setTitle(DEFAULT_TITLES[next]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (template === 'joint-councils-2016') {
      void create(title, () => createBoard(title, template));
      return;
    }
    const structure = draftStructure(time);
    if (!structure) {
      const L = BOARD_STRUCTURE_LIMITS;
      setError(
        format(newBoardStrings[lang].invalid, {
          countMin: L.periodCountMin,
          countMax: L.periodCountMax,
          monthsMin: L.periodMonthsMin,
          monthsMax: L.periodMonthsMax,
        }),
      );
      return;
    }
    void create(title, () => createBoard(title, template, structure));
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="fdr-card-section">
      <h2 id={`${id}-heading`}>{t.createHeading}</h2>
      <form onSubmit={submit} className="fdr-create" data-testid="create-board">
        <fieldset>
          <legend>{t.templateLegend}</legend>
          <label className="fdr-radio">
            <input
              type="radio"
              name={`${id}-template`}
              value="joint-councils-2016"
              checked={template === 'joint-councils-2016'}
              onChange={() => choose('joint-councils-2016')}
            />
            {t.templateJointCouncils}
          </label>
          <label className="fdr-radio">
            <input
              type="radio"
              name={`${id}-template`}
              value="blank"
              checked={template === 'blank'}
              onChange={() => choose('blank')}
            />
            {t.templateBlank}
          </label>
        </fieldset>
        {template === 'blank' ? (
          <BoardTimeFields id={`${id}-time`} lang={lang} draft={time} onChange={setTime} />
        ) : (
          <p className="fdr-hint" data-testid="template-dates">
            {newBoardStrings[lang].templateDates}
          </p>
        )}
        <BoardTitleFields
          id={id}
          lang={lang}
          title={title}
          onChange={(next) => {
            // Typed by hand: choosing another template no longer replaces it.
            setTouched(true);
            setTitle(next);
          }}
        />
        <ErrorAlert message={error} />
        <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
          {busy ? t.creating : t.createButton}
        </button>
      </form>
    </section>
  );
}

function OpenByAddress({ lang }: { lang: Lang }) {
  const t = strings[lang];
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const boardId = boardIdFromInput(value);
    if (!boardId) {
      setError(t.invalidBoardAddress);
      return;
    }
    navigate(boardPath(boardId));
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="fdr-card-section">
      <h2 id={`${id}-heading`}>{t.openByUrl}</h2>
      <form onSubmit={submit} className="fdr-open">
        <label htmlFor={`${id}-input`}>{t.openByUrlLabel}</label>
        <div className="fdr-inline">
          <input
            id={`${id}-input`}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <button type="submit" className="fdr-button">
            {t.open}
          </button>
        </div>
        {error && (
          <p id={`${id}-error`} role="alert" className="fdr-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
