import {
  type CreateItemInput,
  createItem,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  type ItemKind,
  type Localized,
  type Roadmap,
  type Role,
  type UpdateItemInput,
  updateItem,
} from '@fdr/model';
import { fieldName } from '../export/importMessages.ts';
import {
  byLabel,
  checkRowId,
  type ImportRow,
  norm,
  type RowReader,
  resolvePair,
  roleOf,
} from '../export/planRow.ts';
import { format } from '../i18n/format.ts';
import { boardPeriods } from './itemRows.ts';
import { itemStrings } from './itemStrings.ts';

/* One data row of a roadmap items CSV, read into a model command or into its errors. */

const KIND_OPTIONS = ITEM_KINDS.map((kind) => ({ id: kind, label: ITEM_KIND_LABELS[kind] }));

/** A message about items in both languages. */
function said(key: keyof (typeof itemStrings)['fr'], values: Record<string, string> = {}) {
  return {
    fr: format(itemStrings.fr[key], values),
    en: format(itemStrings.en[key], values),
  };
}

const itemField = (key: 'fieldStart' | 'fieldEnd' | 'fieldKind'): Localized => ({
  fr: itemStrings.fr[key],
  en: itemStrings.en[key],
});

/** A period's words, folded: separators between phase and period do not matter. */
const words = (text: string) =>
  norm(text)
    .replace(/[—–\-,:;·/()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The periods a value names: by id, by "Phase — Period" (either language), or by the period's
 * label alone (which may name several, in several phases).
 */
function periodsNamed(roadmap: Roadmap, value: string): string[] {
  const wanted = words(value);
  const periods = boardPeriods(roadmap);
  const exact = periods.filter(
    ({ period, phase }) =>
      norm(period.id) === norm(value) ||
      (['fr', 'en'] as const).some(
        (lang) => words(`${phase.label[lang]} ${period.label[lang]}`) === wanted,
      ),
  );
  if (exact.length > 0) return exact.map((p) => p.period.id);
  return periods
    .filter(({ period }) => words(period.label.fr) === wanted || words(period.label.en) === wanted)
    .map((p) => p.period.id);
}

/** Reads one data row into a command, or into its errors. */
export function planItemRow(
  roadmap: Roadmap,
  row: RowReader,
  line: number,
  seen: Set<string>,
): ImportRow {
  const errors: Localized[] = [];
  const id = row.has('id') ? row.get('id') : '';
  const existing = id === '' ? undefined : roadmap.items.find((i) => i.id === id);
  const labelFr = row.has('label_fr') ? row.get('label_fr') : (existing?.label.fr ?? '');
  const labelEn = row.has('label_en') ? row.get('label_en') : (existing?.label.en ?? '');
  const shown = labelFr || labelEn || id;

  checkRowId(id, seen, errors);
  if (labelFr === '' && labelEn === '') errors.push(said('importNoLabel'));

  const domain = resolvePair(
    row,
    ['domain_fr', 'domain_en'],
    (v) => byLabel(roadmap.domains, v)?.id ?? null,
    errors,
    fieldName('colDomain'),
  );
  const period = (key: string, field: Localized) =>
    resolvePair(
      row,
      [`${key}_fr`, `${key}_en`],
      (v) => {
        const found = periodsNamed(roadmap, v);
        return found.length === 1 ? (found[0] ?? null) : null;
      },
      errors,
      field,
      (v) =>
        periodsNamed(roadmap, v).length > 1 ? said('importAmbiguousPeriod', { value: v }) : null,
    );
  const start = period('first_period', itemField('fieldStart'));
  const end = period('last_period', itemField('fieldEnd'));
  const role = resolvePair<Role>(
    row,
    ['role', 'role_fr', 'role_en'],
    roleOf,
    errors,
    fieldName('colRole'),
  );
  const kind = resolvePair<ItemKind>(
    row,
    ['kind_fr', 'kind_en'],
    (v) => byLabel(KIND_OPTIONS, v)?.id ?? null,
    errors,
    itemField('fieldKind'),
  );
  let cardIds: string[] | undefined;
  if (row.has('cards')) {
    const names = row
      .get('cards')
      .split(/[;\n]/)
      .map((part) => part.trim())
      .filter(Boolean);
    const unknown: string[] = [];
    cardIds = [];
    for (const name of names) {
      const card = roadmap.cards.find(
        (c) => c.id === name || norm(c.title.fr) === norm(name) || norm(c.title.en) === norm(name),
      );
      if (!card) unknown.push(name);
      else if (!cardIds.includes(card.id)) cardIds.push(card.id);
    }
    if (unknown.length > 0) errors.push(said('importUnknownCards', { value: unknown.join(', ') }));
  }
  if (!existing) {
    const missing = (field: Localized) =>
      errors.push({
        fr: format(itemStrings.fr.importMissing, { field: field.fr }),
        en: format(itemStrings.en.importMissing, { field: field.en }),
      });
    if (domain === undefined) missing(fieldName('colDomain'));
    if (start === undefined) missing(itemField('fieldStart'));
    if (role === undefined) missing(fieldName('colRole'));
  }
  if (
    errors.length > 0 ||
    domain === null ||
    start === null ||
    end === null ||
    role === null ||
    kind === null
  ) {
    return { line, kind: 'error', title: shown, errors };
  }

  const label = { fr: labelFr, en: labelEn };
  if (!existing) {
    const input: CreateItemInput = {
      ...(id === '' ? {} : { id }),
      label,
      role: role!,
      kind: kind ?? 'new',
      domainId: domain!,
      startPeriodId: start!,
      // One period when only the first is given.
      endPeriodId: end ?? start!,
      cardIds: cardIds ?? [],
    };
    return {
      line,
      kind: 'create',
      title: shown,
      command: (doc, origin) => {
        createItem(doc, input, origin);
      },
    };
  }

  const patch: { -readonly [K in keyof UpdateItemInput]?: UpdateItemInput[K] } = {};
  const fields: string[] = [];
  const change = <K extends keyof UpdateItemInput>(
    key: K,
    value: UpdateItemInput[K] | undefined,
    same: boolean,
    field: string,
  ) => {
    if (value === undefined || same) return;
    patch[key] = value;
    if (!fields.includes(field)) fields.push(field);
  };
  change('label', label, label.fr === existing.label.fr && label.en === existing.label.en, 'label');
  change('role', role, role === existing.role, 'role');
  change('kind', kind, kind === existing.kind, 'kind');
  change('domainId', domain, domain === existing.domainId, 'domain');
  change('startPeriodId', start, start === existing.startPeriodId, 'span');
  change('endPeriodId', end, end === existing.endPeriodId, 'span');
  const sameCards =
    cardIds !== undefined &&
    cardIds.length === existing.cardIds.length &&
    cardIds.every((c) => existing.cardIds.includes(c));
  change('cardIds', cardIds, sameCards, 'cards');
  if (fields.length === 0) return { line, kind: 'unchanged', id: existing.id, title: shown };
  const itemId = existing.id;
  return {
    line,
    kind: 'update',
    id: itemId,
    title: shown,
    fields,
    command: (doc, origin) => updateItem(doc, { id: itemId, ...patch }, origin),
  };
}
