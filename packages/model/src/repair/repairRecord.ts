import { isModelError } from '../ModelError.ts';
import type { RecordKind, RecordProblem } from './RecordProblem.ts';

export type RawRecord = Record<string, unknown>;

/**
 * How to make one field of a record valid: returns the record with that field replaced by the
 * value a reader shows instead. Keyed by field name; `''` repairs a rule on the whole record
 * (a date range, say).
 */
export type FieldRepairs = Readonly<Record<string, (record: RawRecord) => RawRecord>>;

export type RepairResult<T> = {
  /** The valid record, or null when it cannot be shown at all. */
  readonly value: T | null;
  readonly problems: RecordProblem[];
  /** The fields that were repaired, in the order the validator named them. */
  readonly fields: string[];
};

/**
 * Runs the model's own validator on a record; each time it names a field, that field is repaired
 * and the record validated again. A field without a repair (an id), or one whose repair did not
 * satisfy the validator, drops the record. At most one round per repairable field, so a record
 * costs a few validations, never more.
 */
export function repairRecord<T>(
  kind: RecordKind,
  id: string,
  raw: RawRecord,
  path: string,
  validate: (value: unknown, path: string) => T,
  repairs: FieldRepairs,
): RepairResult<T> {
  const problems: RecordProblem[] = [];
  const fields: string[] = [];
  let record = raw;
  for (;;) {
    try {
      return { value: validate(record, path), problems, fields };
    } catch (error) {
      if (!isModelError(error)) throw error;
      const field = fieldOf(error.details.path ?? path, path);
      const repair = repairs[field];
      if (repair === undefined || fields.includes(field)) {
        problems.push({
          kind,
          id,
          field: field === '' ? null : field,
          outcome: 'dropped',
          message: error.messages,
        });
        return { value: null, problems, fields };
      }
      fields.push(field);
      problems.push({
        kind,
        id,
        field: field === '' ? null : field,
        outcome: 'repaired',
        message: error.messages,
      });
      record = repair(record);
    }
  }
}

/** `domains[2].label.fr` under `domains[2]` is the field `label`; the record itself is `''`. */
export function fieldOf(errorPath: string, recordPath: string): string {
  if (!errorPath.startsWith(`${recordPath}.`)) return '';
  const rest = errorPath.slice(recordPath.length + 1);
  const end = rest.search(/[.[]/);
  return end === -1 ? rest : rest.slice(0, end);
}
