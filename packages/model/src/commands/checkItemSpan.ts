import { ModelError } from '../ModelError.ts';
import type { Roadmap } from '../roadmap.ts';
import { KIND, notFound } from './commandSupport.ts';

/** Both ends exist and the span runs forwards in board order. */
export function checkItemSpan(state: Roadmap, startPeriodId: string, endPeriodId: string): void {
  const periods = state.phases.flatMap((phase) => phase.periods.map((period) => period.id));
  const start = periods.indexOf(startPeriodId);
  const end = periods.indexOf(endPeriodId);
  if (start < 0) notFound(KIND.period, startPeriodId);
  if (end < 0) notFound(KIND.period, endPeriodId);
  if (end < start) {
    throw new ModelError(
      'invalid-input',
      {
        fr: 'La période de fin précède la période de début.',
        en: 'The end period comes before the start period.',
      },
      { path: 'endPeriodId' },
    );
  }
}
