import { localize, type RecordProblem } from '@fdr/model';
import { format } from './i18n/format.ts';
import { problemStrings } from './i18n/problemStrings.ts';
import type { Lang } from './i18n/strings.ts';

/**
 * Says that some records of a board could not be read as stored (a tolerant reader repaired or
 * left them out), with the detail on demand; nothing when every record was read.
 */
export function ReadProblems({
  problems,
  lang,
}: {
  problems: readonly RecordProblem[];
  lang: Lang;
}) {
  if (problems.length === 0) return null;
  const t = problemStrings[lang];
  // Several fields of one record are one record that could not be read.
  const records = new Set(problems.map((problem) => `${problem.kind}:${problem.id}`)).size;
  return (
    <details className="fdr-read-problems" data-testid="read-problems">
      <summary>
        <span role="status">{records === 1 ? t.one : format(t.many, { count: records })}</span>
      </summary>
      <p>{t.hint}</p>
      <ul>
        {problems.map((problem, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
          <li key={index}>
            {format(t.record, {
              kind: t[problem.kind],
              id: problem.id,
              reason: localize(problem.message, lang),
              outcome: problem.outcome === 'repaired' ? t.repaired : t.dropped,
            })}
          </li>
        ))}
      </ul>
    </details>
  );
}
