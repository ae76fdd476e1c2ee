import { ModelError } from '../ModelError.ts';
import type { PhaseRecord } from '../records/phase.ts';

export function checkPeriodsOfPhase(phase: PhaseRecord, periodIds: readonly string[]): void {
  for (const periodId of periodIds) {
    if (!phase.periods.some((period) => period.id === periodId)) {
      throw new ModelError(
        'invalid-input',
        {
          fr: `La période « ${periodId} » n'appartient pas à la phase « ${phase.label.fr} ».`,
          en: `Period "${periodId}" does not belong to phase "${phase.label.en}".`,
        },
        { path: 'periodIds', id: periodId },
      );
    }
  }
}
