import '../checkins/checkins.css';
import './record.css';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { BoardSubpage } from '../checkins/BoardSubpage.tsx';
import { errorText } from '../errorText.ts';
import { format, formatDate, formatDateTime } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { Link } from '../Link.tsx';
import { versionPath } from '../router.ts';
import { subscribeLive } from '../sync/liveEvents.ts';
import { BothLanguages } from './BothLanguages.tsx';
import {
  type DecisionFilters,
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  hasFilters,
  NO_FILTERS,
} from './decisionFilters.ts';
import type { MeetingPageProps } from './MeetingPageProps.ts';
import {
  type Decision,
  decisionsCsvUrl,
  listDecisions,
  listMeetings,
  type Meeting,
} from './meetingApi.ts';
import { recordStrings } from './recordStrings.ts';
import { type TargetNames, targetLabel } from './targetNames.ts';
import { useTargetNames } from './useTargetNames.ts';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; decisions: Decision[] };

/** Words typed in the filter are sent once the typing pauses. */
const TYPING_PAUSE_MS = 300;

/**
 * The decisions register (`/b/:id/decisions`): every decision of the board, newest first, in the
 * UI language with the other beside it, its meeting, the cards and items it concerns, who recorded
 * it and the version taken with it; filters kept in the address; the same list as CSV.
 */
export function DecisionsPage({ boardId, lang, setLang }: MeetingPageProps) {
  const t = recordStrings[lang];
  const id = useId();
  const [filters, setFilters] = useState<DecisionFilters>(() => filtersFromSearch(location.search));
  // The words as typed; `filters.q` follows after a pause.
  const [words, setWords] = useState(filters.q);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [reload, setReload] = useState(0);
  const names = useTargetNames(boardId);

  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => ({ ...f, q: words })), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [words]);

  useEffect(() => {
    const search = filtersToSearch(filters);
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}`);
    }
  }, [filters]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` asks for a fresh read
  useEffect(() => {
    let live = true;
    listDecisions(boardId, filtersToQuery(filters))
      .then((decisions) => live && setLoaded({ kind: 'ready', decisions }))
      .catch((error) => live && setLoaded({ kind: 'error', message: errorText(error, lang) }));
    return () => {
      live = false;
    };
  }, [boardId, filters, lang, reload]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` asks for a fresh read
  useEffect(() => {
    let live = true;
    listMeetings(boardId)
      .then((list) => live && setMeetings(list))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [boardId, reload]);

  // A decision recorded elsewhere appears; missed events are caught up when the tab returns.
  const refresh = useCallback(() => setReload((n) => n + 1), []);
  useEffect(() => {
    const off = subscribeLive('meetings', (data) => {
      if (data.boardId === boardId) refresh();
    });
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      off();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [boardId, refresh]);

  const targetOptions = useMemo(() => groupedTargets(names, lang), [names, lang]);
  const csvHref = decisionsCsvUrl(boardId, filtersToQuery({ ...filters, q: words }));

  return (
    <BoardSubpage
      boardId={boardId}
      // Named by none of the frame's links, so none claims to be this page.
      page="version"
      title={t.decisionsTitle}
      lang={lang}
      setLang={setLang}
      className="fdr-decisions-page"
    >
      <p>{t.decisionsIntro}</p>
      <fieldset className="fdr-record__filters fdr-no-print">
        <legend className="fdr-sr-only">{t.filtersLegend}</legend>
        <div className="fdr-field">
          <label htmlFor={`${id}-meeting`}>{t.filterMeeting}</label>
          <select
            id={`${id}-meeting`}
            value={filters.meetingId}
            onChange={(e) => setFilters((f) => ({ ...f, meetingId: e.target.value }))}
            data-testid="decisions-filter-meeting"
          >
            <option value="">{t.filterMeetingAll}</option>
            {filters.meetingId && !meetings.some((m) => m.id === filters.meetingId) && (
              <option value={filters.meetingId}>{filters.meetingId}</option>
            )}
            {meetings.map((meeting) => (
              <option key={meeting.id} value={meeting.id}>
                {format(t.meetingOn, {
                  meeting: meetingTitle(meeting.title, lang),
                  date: formatDate(meeting.heldOn, lang),
                })}
              </option>
            ))}
          </select>
        </div>
        <div className="fdr-field">
          <label htmlFor={`${id}-q`}>{t.filterQ}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={words}
            onChange={(e) => setWords(e.target.value)}
            data-testid="decisions-filter-q"
          />
        </div>
        <div className="fdr-field">
          <label htmlFor={`${id}-target`}>{t.filterTarget}</label>
          <select
            id={`${id}-target`}
            value={filters.target}
            onChange={(e) => setFilters((f) => ({ ...f, target: e.target.value }))}
            data-testid="decisions-filter-target"
          >
            <option value="">{t.filterTargetAll}</option>
            {filters.target && !names.has(filters.target) && (
              <option value={filters.target}>{filters.target}</option>
            )}
            {targetOptions.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.key} value={option.key}>
                    {option.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {hasFilters({ ...filters, q: words }) && (
          <button
            type="button"
            className="fdr-button fdr-button--quiet"
            onClick={() => {
              setWords('');
              setFilters(NO_FILTERS);
            }}
          >
            {t.filterClear}
          </button>
        )}
      </fieldset>
      <p className="fdr-record__tools fdr-no-print">
        <a href={csvHref} download className="fdr-button" data-testid="decisions-csv">
          {t.csv}
        </a>
        <span className="fdr-hint">{t.csvHint}</span>
      </p>
      <div aria-live="polite" aria-busy={loaded.kind === 'loading'}>
        {loaded.kind === 'loading' && <p>{t.decisionsLoading}</p>}
        {loaded.kind === 'error' && (
          <div role="alert">
            <p className="fdr-error">{format(t.decisionsFailed, { message: loaded.message })}</p>
            <button type="button" className="fdr-button" onClick={refresh}>
              {t.retry}
            </button>
          </div>
        )}
        {loaded.kind === 'ready' && (
          <p className="fdr-hint" data-testid="decisions-count">
            {loaded.decisions.length === 0
              ? hasFilters(filters)
                ? t.decisionsNoneFiltered
                : t.decisionsNone
              : format(loaded.decisions.length === 1 ? t.decisionsCountOne : t.decisionsCount, {
                  count: loaded.decisions.length,
                })}
          </p>
        )}
      </div>
      {loaded.kind === 'ready' && (
        <ol className="fdr-record__list" data-testid="decisions-register">
          {loaded.decisions.map((decision) => (
            <DecisionEntry
              key={decision.id}
              boardId={boardId}
              decision={decision}
              names={names}
              lang={lang}
            />
          ))}
        </ol>
      )}
    </BoardSubpage>
  );
}

function meetingTitle(title: { fr: string; en: string }, lang: Lang): string {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return title[lang].trim() || title[other].trim();
}

function DecisionEntry({
  boardId,
  decision,
  names,
  lang,
}: {
  boardId: string;
  decision: Decision;
  names: TargetNames;
  lang: Lang;
}) {
  const t = recordStrings[lang];
  return (
    <li data-testid="decision" data-decision-id={decision.id}>
      <p className="fdr-record__text">
        <BothLanguages text={decision.text} lang={lang} />
      </p>
      <p className="fdr-record__meta">
        {format(t.meetingOn, {
          meeting: meetingTitle(decision.meetingTitle, lang),
          date: formatDate(decision.heldOn, lang),
        })}
      </p>
      <p className="fdr-record__meta">
        {decision.targets.length === 0
          ? t.concernsNothing
          : format(t.concerns, {
              targets: decision.targets
                .map((target) => targetLabel(target, names, lang))
                .join(', '),
            })}
      </p>
      <p className="fdr-record__meta">
        {format(t.recordedBy, {
          name: decision.recordedBy.name,
          date: formatDateTime(decision.recordedAt, lang),
        })}
        {' · '}
        <Link href={versionPath(boardId, decision.versionId)} data-testid="decision-version-link">
          {format(t.versionLink, { name: decision.versionName })}
        </Link>
      </p>
    </li>
  );
}

/** The filter's choices: cards, items and domains, each group in name order. */
function groupedTargets(names: TargetNames, lang: Lang) {
  const t = recordStrings[lang];
  const groups = [
    { kind: 'card', label: t.filterCards },
    { kind: 'item', label: t.filterItems },
    { kind: 'domain', label: t.filterDomains },
  ].map((group) => ({
    label: group.label,
    kind: group.kind,
    options: [] as { key: string; name: string }[],
  }));
  for (const [key, name] of names) {
    const group = groups.find((g) => key.startsWith(`${g.kind}:`));
    const other: Lang = lang === 'fr' ? 'en' : 'fr';
    group?.options.push({ key, name: name[lang].trim() || name[other].trim() || key });
  }
  for (const group of groups) {
    group.options.sort((a, b) => a.name.localeCompare(b.name, lang));
  }
  return groups.filter((group) => group.options.length > 0);
}
