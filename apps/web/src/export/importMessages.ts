import type { Localized } from '@fdr/model';
import { format } from '../i18n/format.ts';
import { tableStrings } from '../i18n/tableStrings.ts';

/* The messages of a CSV import, each in both languages, from the table's strings. */

/** A message in both languages from a table string and its values. */
export function both(key: StringKey, values: Record<string, string | number> = {}) {
  return { fr: format(tableStrings.fr[key], values), en: format(tableStrings.en[key], values) };
}

export type StringKey = keyof (typeof tableStrings)['fr'];

export function fieldName(key: StringKey): Localized {
  return { fr: tableStrings.fr[key], en: tableStrings.en[key] };
}

/** A message about a field, the field named in each message's own language. */
export function about(
  key: StringKey,
  field: Localized,
  values: Record<string, string | number> = {},
) {
  return {
    fr: format(tableStrings.fr[key], { ...values, field: field.fr }),
    en: format(tableStrings.en[key], { ...values, field: field.en }),
  };
}
