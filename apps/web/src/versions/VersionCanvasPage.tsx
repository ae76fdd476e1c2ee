import '../table/table.css';
import type { Change, RecordProblem, Roadmap } from '@fdr/model';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, getConfig, type PublicConfig } from '../api.ts';
import { format, formatDateTime } from '../i18n/format.ts';
import { type Lang, strings } from '../i18n/strings.ts';
import { versionStrings } from '../i18n/versionStrings.ts';
import { LangSwitch } from '../LangSwitch.tsx';
import { Link } from '../Link.tsx';
import { PeriodDecisions } from '../meetings/PeriodDecisions.tsx';
import { recordStrings } from '../meetings/recordStrings.ts';
import { ReadProblems } from '../ReadProblems.tsx';
import { boardPath, comparePath, versionsPath } from '../router.ts';
import { RoadmapTable } from '../table/RoadmapTable.tsx';
import { cardOfChange, changeText } from './changeText.ts';
import { compareHighlights } from './compareHighlights.ts';
import { type CanvasControls, ReadOnlyCanvas } from './ReadOnlyCanvas.tsx';
import {
  compareVersions,
  exportUrl,
  listVersions,
  type VersionInfo,
  versionRoadmap,
} from './versionApi.ts';
import { versionName } from './versionLabels.ts';

type Loaded<T> = { kind: 'loading' } | { kind: 'error'; error: unknown } | ({ kind: 'ready' } & T);

/**
 * One version on the canvas, read-only, under a banner naming it; or, with `other`, a comparison:
 * the list of changes beside the newer state, the changes highlighted on it.
 */
export default function VersionCanvasPage({
  boardId,
  versionId,
  other,
  lang,
  setLang,
}: {
  boardId: string;
  versionId: string;
  /** Another version's id or `now`: compare; absent: show the version. */
  other?: string;
  lang: Lang;
  setLang: (lang: Lang) => void;
}) {
  const t = versionStrings[lang];
  const [config, setConfig] = useState<PublicConfig | null>(null);
  useEffect(() => {
    void getConfig().then(setConfig);
  }, []);
  return (
    <div className="fdr-board-page fdr-version-page">
      <header className="fdr-topbar">
        <Link href={versionsPath(boardId)} className="fdr-topbar__back">
          <span aria-hidden="true">← </span>
          {t.allVersions}
        </Link>
        <Link href={boardPath(boardId)}>{t.backToBoard}</Link>
        <span className="fdr-topbar__title" />
        <LangSwitch lang={lang} setLang={setLang} />
      </header>
      {config === null ? (
        <main className="fdr-board-message">
          <p role="status">{t.loadingVersion}</p>
        </main>
      ) : other === undefined ? (
        <OneVersion
          boardId={boardId}
          versionId={versionId}
          lang={lang}
          licenseKey={config.tldrawLicenseKey}
        />
      ) : (
        <Comparison
          boardId={boardId}
          versionId={versionId}
          other={other}
          lang={lang}
          licenseKey={config.tldrawLicenseKey}
        />
      )}
    </div>
  );
}

function errorText(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) {
    return error.status === 404 ? versionStrings[lang].versionMissing : error.messages[lang];
  }
  return strings[lang].error;
}

function bannerText(version: VersionInfo, lang: Lang): string {
  const t = versionStrings[lang];
  const date = formatDateTime(version.createdAt, lang);
  return version.authorName
    ? format(t.banner, { name: versionName(version, lang), date, author: version.authorName })
    : format(t.bannerAuto, { name: versionName(version, lang), date });
}

function OneVersion({
  boardId,
  versionId,
  lang,
  licenseKey,
}: {
  boardId: string;
  versionId: string;
  lang: Lang;
  licenseKey: string | null;
}) {
  const t = versionStrings[lang];
  const [loaded, setLoaded] = useState<
    Loaded<{ version: VersionInfo; roadmap: Roadmap; problems: readonly RecordProblem[] }>
  >({ kind: 'loading' });
  const [view, showView] = useVersionView();
  useEffect(() => {
    let live = true;
    versionRoadmap(boardId, versionId)
      .then((found) => live && setLoaded({ kind: 'ready', ...found }))
      .catch((error) => live && setLoaded({ kind: 'error', error }));
    return () => {
      live = false;
    };
  }, [boardId, versionId]);
  useEffect(() => {
    if (loaded.kind === 'ready') {
      document.title = `${versionName(loaded.version, lang)} — ${t.versionsTitle} — ${strings[lang].title}`;
    }
  }, [loaded, lang, t.versionsTitle]);

  if (loaded.kind !== 'ready') return <Message loaded={loaded} lang={lang} />;
  const { version, roadmap, problems } = loaded;
  return (
    <>
      <div className="fdr-version-banner" role="note" data-testid="version-banner">
        <h1 className="fdr-version-banner__title">{bannerText(version, lang)}</h1>
        {version.note && <p>{format(t.note, { note: version.note })}</p>}
        <p className="fdr-version-banner__links">
          <Link href={comparePath(boardId, version.id, 'now')}>{t.compareWithNow}</Link>
          <a href={exportUrl(boardId, version.id)} download>
            {t.exportJson}
          </a>
        </p>
        <fieldset className="fdr-version-views">
          <legend className="fdr-sr-only">{t.viewLabel}</legend>
          {(['canvas', 'table'] as const).map((name) => (
            <button
              key={name}
              type="button"
              className="fdr-button fdr-button--quiet"
              aria-pressed={view === name}
              onClick={() => showView(name)}
              data-testid={`version-view-${name}`}
            >
              {name === 'canvas' ? t.viewCanvas : t.viewTable}
            </button>
          ))}
        </fieldset>
        <ReadProblems problems={problems} lang={lang} />
      </div>
      {view === 'canvas' ? (
        <main className="fdr-board-main">
          <ReadOnlyCanvas
            roadmap={roadmap}
            lang={lang}
            licenseKey={licenseKey}
            label={t.canvasRegion}
          />
        </main>
      ) : (
        <main className="fdr-version-table" data-testid="version-table">
          {/* The table view's own component, without any control; overdue as of the version. */}
          <RoadmapTable roadmap={roadmap} lang={lang} readOnly now={new Date(version.createdAt)} />
        </main>
      )}
    </>
  );
}

type VersionView = 'canvas' | 'table';

/** `?view=table` keeps the choice in the address (a link to the table of a version works). */
function useVersionView(): [VersionView, (view: VersionView) => void] {
  const [view, setView] = useState<VersionView>(() =>
    new URLSearchParams(location.search).get('view') === 'table' ? 'table' : 'canvas',
  );
  const show = (next: VersionView) => {
    setView(next);
    const params = new URLSearchParams(location.search);
    if (next === 'table') params.set('view', 'table');
    else params.delete('view');
    const search = params.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  };
  return [view, show];
}

interface ComparisonData {
  changes: Change[];
  from: Roadmap;
  to: Roadmap;
  problems: readonly RecordProblem[];
  fromInfo: VersionInfo | null;
  toInfo: VersionInfo | null;
}

function Comparison({
  boardId,
  versionId,
  other,
  lang,
  licenseKey,
}: {
  boardId: string;
  versionId: string;
  other: string;
  lang: Lang;
  licenseKey: string | null;
}) {
  const t = versionStrings[lang];
  const [loaded, setLoaded] = useState<Loaded<ComparisonData>>({ kind: 'loading' });
  const controls = useRef<CanvasControls | null>(null);
  const load = useCallback(() => {
    let live = true;
    Promise.all([
      compareVersions(boardId, versionId, other, { roadmaps: true }),
      listVersions(boardId),
    ])
      .then(([compared, versions]) => {
        if (!live || !compared.roadmaps) return;
        setLoaded({
          kind: 'ready',
          changes: compared.changes,
          from: compared.roadmaps.from,
          to: compared.roadmaps.to,
          problems: compared.problems,
          fromInfo: versions.find((v) => v.id === versionId) ?? null,
          toInfo: versions.find((v) => v.id === other) ?? null,
        });
      })
      .catch((error) => live && setLoaded({ kind: 'error', error }));
    return () => {
      live = false;
    };
  }, [boardId, versionId, other]);
  useEffect(load, [load]);

  const highlights = useMemo(
    () => (loaded.kind === 'ready' ? compareHighlights(loaded.changes, loaded.from) : undefined),
    [loaded],
  );
  const onReady = useCallback((c: CanvasControls) => {
    controls.current = c;
  }, []);

  const fromName =
    loaded.kind === 'ready'
      ? loaded.fromInfo
        ? versionName(loaded.fromInfo, lang)
        : versionId
      : '';
  const toName =
    other === 'now'
      ? t.compareNow
      : loaded.kind === 'ready'
        ? loaded.toInfo
          ? versionName(loaded.toInfo, lang)
          : other
        : '';
  const title = format(t.compareTitle, { from: fromName, to: toName });
  useEffect(() => {
    if (loaded.kind === 'ready') document.title = `${title} — ${strings[lang].title}`;
  }, [loaded.kind, title, lang]);

  if (loaded.kind !== 'ready') return <Message loaded={loaded} lang={lang} />;
  if (!highlights) return null;
  const count = loaded.changes.length;
  const period = comparedPeriod(loaded.fromInfo, other === 'now' ? null : loaded.toInfo);
  return (
    <div className="fdr-compare-page">
      <aside
        className="fdr-compare-list"
        aria-labelledby="compare-title"
        data-testid="compare-list"
      >
        <h1 id="compare-title">{title}</h1>
        <ReadProblems problems={loaded.problems} lang={lang} />
        <p role="status">
          {count === 0
            ? t.compareNoChange
            : format(count === 1 ? t.compareCanvasShowsOne : t.compareCanvasShows, {
                to: toName,
                count,
              })}
        </p>
        {other === 'now' && (
          <button type="button" className="fdr-button" onClick={() => load()}>
            {t.refresh}
          </button>
        )}
        <p className="fdr-hint">{t.compareHint}</p>
        <h2 className="fdr-sr-only">{t.changesList}</h2>
        <ol className="fdr-compare-list__items">
          {loaded.changes.map((change, index) => {
            const cardId = cardOfChange(change);
            const text = changeText(change, lang);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the diff's order is stable
              <li key={index} data-kind={change.kind} data-card-id={cardId ?? undefined}>
                <span className="fdr-compare-list__text">{text}</span>
                {cardId && (
                  <button
                    type="button"
                    className="fdr-button fdr-button--quiet"
                    aria-label={`${t.showOnBoard}: ${text}`}
                    onClick={() => controls.current?.show(cardId)}
                  >
                    {t.showOnBoard}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        {period && (
          <PeriodDecisions
            boardId={boardId}
            {...period}
            lang={lang}
            testId="compare-decisions"
            heading={recordStrings[lang].compareDecisions}
          />
        )}
      </aside>
      <main className="fdr-board-main">
        <ReadOnlyCanvas
          roadmap={loaded.to}
          from={loaded.from}
          highlights={highlights}
          lang={lang}
          licenseKey={licenseKey}
          label={t.canvasRegion}
          onReady={onReady}
        />
      </main>
    </div>
  );
}

/** The two states in time order (a comparison may go backwards); null when the older is unknown. */
function comparedPeriod(from: VersionInfo | null, to: VersionInfo | null) {
  if (!from) return null;
  const [older, newer] = to && to.createdAt < from.createdAt ? [to, from] : [from, to];
  return {
    from: older.createdAt,
    fromVersionId: older.id,
    to: newer?.createdAt ?? null,
    toVersionId: newer?.id ?? null,
  };
}

function Message({
  loaded,
  lang,
}: {
  loaded: { kind: 'loading' } | { kind: 'error'; error: unknown };
  lang: Lang;
}) {
  return (
    <main className="fdr-board-message">
      {loaded.kind === 'loading' ? (
        <p role="status">{versionStrings[lang].loadingVersion}</p>
      ) : (
        <p role="alert">{errorText(loaded.error, lang)}</p>
      )}
    </main>
  );
}
