import { localize, type RecordProblem } from '@fdr/model';
import { type ReactNode, useEffect, useId, useState } from 'react';
import type { BoardPageProps } from '../BoardPageProps.ts';
import { Discussions } from '../comments/Discussions.tsx';
import { errorText } from '../errorText.ts';
import { checkinStrings } from '../i18n/checkinStrings.ts';
import { format, formatDate, formatDateTime } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { PeriodDecisions } from '../meetings/PeriodDecisions.tsx';
import { recordStrings } from '../meetings/recordStrings.ts';
import { ReadProblems } from '../ReadProblems.tsx';
import { cellText, changeText } from '../versions/changeText.ts';
import { compareVersions, listVersions, type VersionInfo } from '../versions/versionApi.ts';
import { BoardSubpage } from './BoardSubpage.tsx';
import { CheckinEntry } from './CheckinHistory.tsx';
import { boardCheckins } from './checkinApi.ts';
import { localDay } from './dates.ts';
import { LocalizedText } from './LocalizedText.tsx';
import {
  latestNamed,
  type SinceReport,
  sinceReport,
  startOfDay,
  versionAtOrBefore,
} from './sinceReport.ts';

type Choice = { kind: 'version'; id: string } | { kind: 'date'; day: string };

type Result =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | {
      kind: 'ready';
      report: SinceReport;
      problems: readonly RecordProblem[];
      base: VersionInfo | null;
      choice: Choice;
      generatedAt: number;
      /** The reference time: the version's, or the chosen day's start. */
      since: number;
    };

const LARGE_KEY = 'fdr.sinceLargeType';

function readLarge(): boolean {
  try {
    return localStorage.getItem(LARGE_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * "Since the last meeting": what changed on a board since its last named version (or the state
 * at a chosen date): check-ins, moves, additions, removals, renames, and the rest. Readable on a
 * projector (large type) and printable.
 */
export function SinceMeetingPage({ boardId, lang, setLang }: BoardPageProps) {
  const t = checkinStrings[lang];
  const id = useId();
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [result, setResult] = useState<Result>({ kind: 'loading' });
  const [large, setLarge] = useState(readLarge);
  const failure = (error: unknown) => errorText(error, lang);

  useEffect(() => {
    let live = true;
    listVersions(boardId)
      .then((list) => {
        if (!live) return;
        setVersions(list);
        const named = latestNamed(list);
        setChoice(
          named
            ? { kind: 'version', id: named.id }
            : { kind: 'date', day: localDay(Date.now() - 30 * 86_400_000) },
        );
      })
      .catch((error) => live && setResult({ kind: 'error', error }));
    return () => {
      live = false;
    };
  }, [boardId]);

  useEffect(() => {
    if (!versions || !choice) return;
    if (choice.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(choice.day)) return;
    let live = true;
    const base =
      choice.kind === 'version'
        ? (versions.find((v) => v.id === choice.id) ?? null)
        : versionAtOrBefore(versions, choice.day);
    const since = base ? base.createdAt : startOfDay(choice.kind === 'date' ? choice.day : '');
    setResult({ kind: 'loading' });
    Promise.all([
      base ? compareVersions(boardId, base.id, 'now') : Promise.resolve(null),
      boardCheckins(boardId),
    ])
      .then(([compared, log]) => {
        if (!live) return;
        setResult({
          kind: 'ready',
          report: sinceReport(compared?.changes ?? null, log.cards, since),
          problems: compared?.problems ?? [],
          base,
          choice,
          generatedAt: Date.now(),
          since,
        });
      })
      .catch((error) => live && setResult({ kind: 'error', error }));
    return () => {
      live = false;
    };
  }, [boardId, versions, choice]);

  const toggleLarge = (on: boolean) => {
    setLarge(on);
    try {
      localStorage.setItem(LARGE_KEY, on ? '1' : '0');
    } catch {
      // Not remembered.
    }
  };

  const named = versions?.filter((v) => v.kind === 'named') ?? [];
  const selectValue = choice?.kind === 'version' ? choice.id : 'date';

  return (
    <BoardSubpage
      boardId={boardId}
      page="since"
      title={t.sinceTitle}
      lang={lang}
      setLang={setLang}
      className={`fdr-since ${large ? 'fdr-since--large' : ''}`}
    >
      <p className="fdr-no-print">{t.sinceIntro}</p>
      <div className="fdr-since__controls fdr-no-print">
        <div className="fdr-field">
          <label htmlFor={`${id}-from`}>{t.sinceFrom}</label>
          <select
            id={`${id}-from`}
            value={selectValue}
            disabled={!versions}
            onChange={(e) =>
              setChoice(
                e.target.value === 'date'
                  ? {
                      kind: 'date',
                      day:
                        choice?.kind === 'date'
                          ? choice.day
                          : localDay(Date.now() - 30 * 86_400_000),
                    }
                  : { kind: 'version', id: e.target.value },
              )
            }
            data-testid="since-from"
          >
            {named.map((v) => (
              <option key={v.id} value={v.id}>
                {format(t.sinceVersionOption, {
                  name: v.name,
                  date: formatDate(new Date(v.createdAt).toISOString(), lang),
                })}
              </option>
            ))}
            <option value="date">{t.sinceDateOption}</option>
          </select>
        </div>
        {choice?.kind === 'date' && (
          <div className="fdr-field">
            <label htmlFor={`${id}-date`}>{t.sinceDate}</label>
            <input
              id={`${id}-date`}
              type="date"
              value={choice.day}
              max={localDay(Date.now())}
              onChange={(e) => setChoice({ kind: 'date', day: e.target.value })}
              data-testid="since-date"
            />
          </div>
        )}
        <label className="fdr-checkbox">
          <input
            type="checkbox"
            checked={large}
            onChange={(e) => toggleLarge(e.target.checked)}
            data-testid="since-large"
          />
          {t.largeType}
        </label>
        <button type="button" className="fdr-button" onClick={() => window.print()}>
          {t.print}
        </button>
      </div>
      {versions && named.length === 0 && <p className="fdr-no-print">{t.sinceNoVersion}</p>}
      <div aria-live="polite" aria-busy={result.kind === 'loading'}>
        {result.kind === 'loading' && <p>{t.sinceLoading}</p>}
        {result.kind === 'error' && (
          <p role="alert" className="fdr-error">
            {format(t.loadFailed, { message: failure(result.error) })}
          </p>
        )}
        {result.kind === 'ready' && (
          <p className="fdr-since__base" data-testid="since-base">
            {baseSentence(result, lang)}
          </p>
        )}
        {result.kind === 'ready' && <ReadProblems problems={result.problems} lang={lang} />}
      </div>
      {result.kind === 'ready' && <Report result={result} lang={lang} />}
      {result.kind === 'ready' && (
        <PeriodDecisions
          boardId={boardId}
          from={result.since}
          fromVersionId={result.base?.id ?? null}
          to={null}
          toVersionId={null}
          lang={lang}
          testId="since-decisions"
          heading={recordStrings[lang].sinceDecisions}
        />
      )}
      {result.kind === 'ready' && (
        <Discussions boardId={boardId} since={result.since} lang={lang} />
      )}
    </BoardSubpage>
  );
}

function baseSentence(result: Extract<Result, { kind: 'ready' }>, lang: Lang): string {
  const t = checkinStrings[lang];
  const day = (ms: number) => formatDateTime(ms, lang);
  const { base, choice } = result;
  if (choice.kind === 'version' && base) {
    return format(t.sinceBase, { name: base.name, date: day(base.createdAt) });
  }
  const date = choice.kind === 'date' ? formatDate(choice.day, lang) : '';
  if (base) {
    return format(t.sinceBaseDate, { date, name: base.name, taken: day(base.createdAt) });
  }
  return `${format(t.sinceBaseOnlyDate, { date })} ${t.sinceNoVersionBefore}`;
}

function Report({ result, lang }: { result: Extract<Result, { kind: 'ready' }>; lang: Lang }) {
  const t = checkinStrings[lang];
  const { report } = result;
  const empty =
    report.checkins.length +
      report.moved.length +
      report.added.length +
      report.removed.length +
      report.renamed.length +
      report.structure.length +
      report.items.length +
      report.other.length ===
    0;
  return (
    <div data-testid="since-report">
      <p className="fdr-hint">
        {format(t.generatedOn, { date: formatDateTime(result.generatedAt, lang) })}
      </p>
      {empty && <p>{t.sinceNothing}</p>}
      <Section
        title={format(t.sinceCheckins, { count: report.checkins.length })}
        id="checkins"
        lang={lang}
      >
        {report.checkins.map(({ cardId, title, checkin }) => (
          <li key={checkin.id} data-card-id={cardId}>
            <h3 className="fdr-since__card">
              <LocalizedText text={title} lang={lang} />
            </h3>
            <CheckinEntry checkin={checkin} lang={lang} />
          </li>
        ))}
      </Section>
      <Section title={format(t.sinceMoved, { count: report.moved.length })} id="moved" lang={lang}>
        {report.moved.map((change) => (
          <li key={change.cardId} data-card-id={change.cardId}>
            <strong>
              <LocalizedText text={change.title} lang={lang} />
            </strong>{' '}
            {format(t.movedFromTo, {
              from: cellText(change.from, lang),
              to: cellText(change.to, lang),
            })}
          </li>
        ))}
      </Section>
      <Section title={format(t.sinceAdded, { count: report.added.length })} id="added" lang={lang}>
        {report.added.map((change) => (
          <li key={change.cardId} data-card-id={change.cardId}>
            <strong>
              <LocalizedText text={change.title} lang={lang} />
            </strong>{' '}
            ({cellText(change.to, lang)})
          </li>
        ))}
      </Section>
      <Section
        title={format(t.sinceRemoved, { count: report.removed.length })}
        id="removed"
        lang={lang}
      >
        {report.removed.map((change) => (
          <li key={`${change.kind}-${change.cardId}`} data-card-id={change.cardId}>
            {changeText(change, lang)}
          </li>
        ))}
      </Section>
      <Section
        title={format(t.sinceRenamed, { count: report.renamed.length })}
        id="renamed"
        lang={lang}
      >
        {report.renamed.map((change) => (
          <li key={change.cardId} data-card-id={change.cardId}>
            {format(t.renamedFromTo, {
              from: localize(change.from, lang),
              to: localize(change.to, lang),
            })}
          </li>
        ))}
      </Section>
      <Section
        title={format(t.sinceStructure, { count: report.structure.length })}
        id="structure"
        lang={lang}
      >
        {report.structure.map((change, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the diff's order is stable
          <li key={index}>{changeText(change, lang)}</li>
        ))}
      </Section>
      <Section title={format(t.sinceItems, { count: report.items.length })} id="items" lang={lang}>
        {report.items.map((change, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the diff's order is stable
          <li key={index} data-item-id={change.itemId}>
            {changeText(change, lang)}
          </li>
        ))}
      </Section>
      <Section title={format(t.sinceOther, { count: report.other.length })} id="other" lang={lang}>
        {report.other.map((change, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the diff's order is stable
          <li key={index}>{changeText(change, lang)}</li>
        ))}
      </Section>
    </div>
  );
}

function Section({
  title,
  id,
  lang,
  children,
}: {
  title: string;
  id: string;
  lang: Lang;
  children: ReactNode[];
}) {
  const headingId = `since-${id}`;
  return (
    <section aria-labelledby={headingId} data-testid={`since-${id}`}>
      <h2 id={headingId}>{title}</h2>
      {children.length === 0 ? (
        <p className="fdr-hint">{checkinStrings[lang].sinceNone}</p>
      ) : (
        <ul className="fdr-since__list">{children}</ul>
      )}
    </section>
  );
}
