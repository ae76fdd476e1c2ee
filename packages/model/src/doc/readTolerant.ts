import type * as Y from 'yjs';
import { isModelError } from '../ModelError.ts';
import { validateCheckin } from '../records/checkin.ts';
import { expectJson } from '../records/expect.ts';
import type { RecordProblem } from '../repair/RecordProblem.ts';
import { repairRoadmap, type TolerantRoadmap } from '../repair/repairRoadmap.ts';
import { docRoots } from './layout.ts';
import { toJSON } from './toJSON.ts';

/**
 * The roadmap a reader can always show: `toJSON`, then every record checked by the model's
 * validators, a bad one repaired or left out (repairRoadmap) and reported, so one bad record
 * never blanks a page. Check-ins and annotations that `toJSON` already skips are reported too.
 * A check-in whose card has not arrived yet is not a problem (updates may still be arriving).
 * Throws only what `toJSON` throws (a doc of another schema version).
 */
export function readTolerant(doc: Y.Doc): TolerantRoadmap {
  const { roadmap, problems } = repairRoadmap(toJSON(doc));
  return { roadmap, problems: [...problems, ...skippedByToJSON(doc)] };
}

function skippedByToJSON(doc: Y.Doc): RecordProblem[] {
  const roots = docRoots(doc);
  const problems: RecordProblem[] = [];
  for (const [id, raw] of roots.checkinLog.entries()) {
    const path = `checkinLog.${id}`;
    try {
      const checkin = validateCheckin(raw, path);
      if (checkin.id !== id) {
        problems.push({
          kind: 'checkin',
          id,
          field: 'id',
          outcome: 'dropped',
          message: {
            fr: `${path}.id : « ${checkin.id} » ne correspond pas à la clé.`,
            en: `${path}.id: "${checkin.id}" does not match its key.`,
          },
        });
      }
    } catch (error) {
      if (!isModelError(error)) throw error;
      problems.push({
        kind: 'checkin',
        id,
        field: null,
        outcome: 'dropped',
        message: error.messages,
      });
    }
  }
  for (const [id, raw] of roots.annotations.entries()) {
    try {
      expectJson(raw, `annotations.${id}`);
    } catch (error) {
      if (!isModelError(error)) throw error;
      problems.push({
        kind: 'annotation',
        id,
        field: null,
        outcome: 'dropped',
        message: error.messages,
      });
    }
  }
  return problems;
}
