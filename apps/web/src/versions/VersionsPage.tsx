import { type BoardRole, canAdminister, VERSION_NAME_MAX, VERSION_NOTE_MAX } from '@fdr/model';
import './versions.css';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { BoardPageProps } from '../BoardPageProps.ts';
import { BoardSubpage } from '../checkins/BoardSubpage.tsx';
import { errorText } from '../errorText.ts';
import { format, formatDateTime } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { versionStrings } from '../i18n/versionStrings.ts';
import { Link } from '../Link.tsx';
import { comparePath, navigate, versionPath } from '../router.ts';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';
import {
  exportUrl,
  listVersions,
  restoreVersion,
  takeVersion,
  type VersionInfo,
} from './versionApi.ts';
import { kindLabel, sizeText, versionName } from './versionLabels.ts';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; versions: VersionInfo[] };

type Notice = { text: string; error: boolean; before?: VersionInfo };

/**
 * A board's versions: the list (name, kind, author, time, size), and for the secretariat taking a
 * named one and restoring one (after a confirmation; the state before is kept). Every member
 * opens, compares and exports.
 */
export function VersionsPage({
  boardId,
  lang,
  setLang,
  role,
}: BoardPageProps & {
  role: BoardRole | null;
}) {
  const t = versionStrings[lang];
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const secretariat = canAdminister(role);
  const errorOf = useCallback((error: unknown) => errorText(error, lang), [lang]);

  const reload = useCallback(
    () =>
      listVersions(boardId)
        .then((versions) => setLoaded({ kind: 'ready', versions }))
        .catch((error) => setLoaded({ kind: 'error', message: errorOf(error) })),
    [boardId, errorOf],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  // The version being confirmed, and the button to give focus back to once the dialog is gone.
  const [asking, setAsking] = useState<VersionInfo | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (asking || busy || !returnFocus.current) return;
    if (returnFocus.current.isConnected) returnFocus.current.focus();
    returnFocus.current = null;
  }, [asking, busy]);

  const restore = async (version: VersionInfo) => {
    setAsking(null);
    setBusy(version.id);
    setNotice(null);
    try {
      const { before } = await restoreVersion(boardId, version.id);
      setNotice({
        text: format(t.restored, {
          name: versionName(version, lang),
          before: versionName(before, lang),
          date: formatDateTime(before.createdAt, lang),
        }),
        error: false,
        before,
      });
      await reload();
    } catch (error) {
      setNotice({ text: format(t.actionFailed, { message: errorOf(error) }), error: true });
    } finally {
      setBusy(null);
    }
  };

  const versions = loaded.kind === 'ready' ? loaded.versions : [];

  return (
    <BoardSubpage
      boardId={boardId}
      page="versions"
      title={t.versionsTitle}
      lang={lang}
      setLang={setLang}
      className="fdr-versions"
    >
      <p>{t.versionsIntro}</p>
      {secretariat && (
        <TakeVersion
          boardId={boardId}
          lang={lang}
          onTaken={(version) => {
            setNotice({ text: format(t.taken, { name: version.name }), error: false });
            void reload();
          }}
          onError={(error) =>
            setNotice({ text: format(t.actionFailed, { message: errorOf(error) }), error: true })
          }
        />
      )}
      <div
        aria-live="polite"
        className={notice?.error ? 'fdr-notice fdr-notice--error' : 'fdr-notice'}
        data-testid="versions-notice"
      >
        {notice && (
          <p>
            {notice.text}{' '}
            {notice.before && (
              <Link href={versionPath(boardId, notice.before.id)}>{t.openBefore}</Link>
            )}
          </p>
        )}
      </div>
      {loaded.kind === 'ready' && versions.length > 1 && (
        <CompareForm boardId={boardId} versions={versions} lang={lang} />
      )}
      <section aria-labelledby="versions-list">
        <h2 id="versions-list">{format(t.listHeading, { count: versions.length })}</h2>
        {loaded.kind === 'loading' && <p role="status">{t.loadingVersions}</p>}
        {loaded.kind === 'error' && (
          <p role="alert" className="fdr-error">
            {loaded.message}
          </p>
        )}
        {loaded.kind === 'ready' && versions.length === 0 && <p>{t.listEmpty}</p>}
        {versions.length > 0 && (
          <ScrollRegion labelledBy="versions-list">
            <table className="fdr-table fdr-versions__table" data-testid="versions-table">
              <caption className="fdr-sr-only">{t.listCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colName}</th>
                  <th scope="col">{t.colKind}</th>
                  <th scope="col">{t.colAuthor}</th>
                  <th scope="col">{t.colTaken}</th>
                  <th scope="col">{t.colSize}</th>
                  <th scope="col">{t.colActions}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={version.id} data-version-id={version.id} data-kind={version.kind}>
                    <th scope="row">
                      {versionName(version, lang)}
                      {version.note && <span className="fdr-versions__note">{version.note}</span>}
                    </th>
                    <td>{kindLabel(version.kind, lang)}</td>
                    <td>{version.authorName ?? t.authorAutomatic}</td>
                    <td>
                      <time dateTime={new Date(version.createdAt).toISOString()}>
                        {formatDateTime(version.createdAt, lang)}
                      </time>
                    </td>
                    <td>{sizeText(version.bytes, lang)}</td>
                    <td>
                      <div className="fdr-versions__actions">
                        <Link href={versionPath(boardId, version.id)}>
                          {t.openVersion}
                          <span className="fdr-sr-only"> — {versionName(version, lang)}</span>
                        </Link>
                        <Link
                          href={comparePath(boardId, version.id, 'now')}
                          data-testid="compare-now"
                        >
                          {t.compareWithNow}
                          <span className="fdr-sr-only"> — {versionName(version, lang)}</span>
                        </Link>
                        <a href={exportUrl(boardId, version.id)} download>
                          {t.exportJson}
                          <span className="fdr-sr-only"> — {versionName(version, lang)}</span>
                        </a>
                        {secretariat && (
                          <button
                            type="button"
                            className="fdr-button fdr-button--danger"
                            disabled={busy !== null}
                            onClick={(event) => {
                              returnFocus.current = event.currentTarget;
                              setAsking(version);
                            }}
                            data-testid="restore"
                          >
                            {busy === version.id ? t.restoring : t.restore}
                            <span className="fdr-sr-only"> — {versionName(version, lang)}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
      {asking && (
        <RestoreDialog
          version={asking}
          lang={lang}
          onConfirm={() => void restore(asking)}
          onCancel={() => setAsking(null)}
        />
      )}
    </BoardSubpage>
  );
}

function TakeVersion({
  boardId,
  lang,
  onTaken,
  onError,
}: {
  boardId: string;
  lang: Lang;
  onTaken: (version: VersionInfo) => void;
  onError: (error: unknown) => void;
}) {
  const t = versionStrings[lang];
  const id = useId();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      const version = await takeVersion(boardId, name.trim(), note.trim());
      setName('');
      setNote('');
      onTaken(version);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fdr-card-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.takeHeading}</h2>
      <form onSubmit={submit} noValidate data-testid="take-version">
        <div className="fdr-field">
          <label htmlFor={`${id}-name`}>{t.versionName}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={VERSION_NAME_MAX}
            placeholder={t.versionNamePlaceholder}
            required
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${id}-name-error` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setMissing(false);
            }}
          />
          {missing && (
            <p id={`${id}-name-error`} className="fdr-error" role="alert">
              {t.nameRequired}
            </p>
          )}
        </div>
        <div className="fdr-field">
          <label htmlFor={`${id}-note`}>{t.versionNote}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={VERSION_NOTE_MAX}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="submit" className="fdr-button fdr-button--primary" disabled={busy}>
          {busy ? t.taking : t.take}
        </button>
      </form>
    </section>
  );
}

function CompareForm({
  boardId,
  versions,
  lang,
}: {
  boardId: string;
  versions: VersionInfo[];
  lang: Lang;
}) {
  const t = versionStrings[lang];
  const id = useId();
  const [from, setFrom] = useState(versions[1]?.id ?? versions[0]?.id ?? '');
  const [to, setTo] = useState('now');
  const option = (version: VersionInfo) => (
    <option key={version.id} value={version.id}>
      {format(t.optionVersion, {
        name: versionName(version, lang),
        date: formatDateTime(version.createdAt, lang),
      })}
    </option>
  );
  return (
    <section className="fdr-card-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t.compareHeading}</h2>
      <form
        className="fdr-two-columns"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(comparePath(boardId, from, to));
        }}
      >
        <div className="fdr-field">
          <label htmlFor={`${id}-from`}>{t.compareFrom}</label>
          <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
            {versions.map(option)}
          </select>
        </div>
        <div className="fdr-field">
          <label htmlFor={`${id}-to`}>{t.compareTo}</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="now">{t.now}</option>
            {versions.map(option)}
          </select>
        </div>
        <div>
          <button type="submit" className="fdr-button">
            {t.compare}
          </button>
        </div>
      </form>
    </section>
  );
}
