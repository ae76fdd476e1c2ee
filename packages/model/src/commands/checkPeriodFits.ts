import { ModelError } from '../ModelError.ts';
import type { PeriodRecord, PhaseRecord } from '../records/phase.ts';

/**
 * A period's dates as the structure editor needs them to be: a real span (start before end),
 * within its phase, and clear of the phase's other periods, so that the period columns of the
 * board read as one timeline. Two peers adding overlapping periods at the same moment can still
 * produce an overlap; readers order periods by start date and cope with it.
 */
export function checkPeriodFits(
  phase: PhaseRecord,
  period: Pick<PeriodRecord, 'id' | 'start' | 'end'>,
): void {
  if (period.start >= period.end) {
    throw new ModelError(
      'invalid-input',
      {
        fr: 'La période doit finir après son début.',
        en: 'The period must end after it starts.',
      },
      { path: 'end' },
    );
  }
  if (period.start < phase.start || (phase.end !== null && period.end > phase.end)) {
    throw new ModelError(
      'invalid-input',
      {
        fr: `La période doit se situer dans la phase « ${phase.label.fr} » (${phase.start} – ${phase.end ?? '…'}).`,
        en: `The period must lie within phase "${phase.label.en}" (${phase.start} – ${phase.end ?? '…'}).`,
      },
      { path: 'start' },
    );
  }
  const overlapping = phase.periods.find(
    (other) => other.id !== period.id && other.start <= period.end && period.start <= other.end,
  );
  if (overlapping !== undefined) {
    throw new ModelError(
      'invalid-input',
      {
        fr: `La période chevauche « ${overlapping.label.fr || overlapping.label.en} » (${overlapping.start} – ${overlapping.end}).`,
        en: `The period overlaps "${overlapping.label.en || overlapping.label.fr}" (${overlapping.start} – ${overlapping.end}).`,
      },
      { path: 'start', id: overlapping.id },
    );
  }
}
