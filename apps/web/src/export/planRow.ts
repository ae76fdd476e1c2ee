import {
  CARD_STATE_LABELS,
  CARD_STATES,
  type CardState,
  type CreateCardInput,
  createCard,
  type Localized,
  moveCard,
  type PhaseRecord,
  ROLE_LABELS,
  ROLES,
  type Roadmap,
  type Role,
  type UpdateCardInput,
  updateCard,
} from '@fdr/model';
import type * as Y from 'yjs';
import { lines, pairedLines } from '../drafts/recordDraft.ts';
import { strings } from '../i18n/strings.ts';
import { fold } from '../table/tableRows.ts';
import { about, both, fieldName } from './importMessages.ts';

/* One data row of a CSV import, read into a model command or into its errors. */

export type Command = (doc: Y.Doc, origin: unknown) => void;

export type ImportRow =
  | { line: number; kind: 'create'; title: string; command: Command }
  | {
      line: number;
      kind: 'update';
      /** The record's id (a card's, an item's). */
      id: string;
      title: string;
      /** Keys of the columns that change the card (`cell` for a move). */
      fields: string[];
      command: Command;
    }
  | { line: number; kind: 'unchanged'; id: string; title: string }
  | { line: number; kind: 'error'; title: string; errors: Localized[] };

/** Compared folded: accents, case and runs of spaces do not matter. */
export const norm = (text: string) => fold(text).replace(/\s+/g, ' ').trim();

/** A record whose id or label (either language) is `value`; folded, so accents and case do not matter. */
export function byLabel<T extends { id: string; label: Localized }>(
  list: readonly T[],
  value: string,
) {
  const wanted = norm(value);
  return (
    list.find(
      (r) => norm(r.id) === wanted || norm(r.label.fr) === wanted || norm(r.label.en) === wanted,
    ) ?? null
  );
}

const ROLE_OPTIONS = ROLES.map((role) => ({ id: role, label: ROLE_LABELS[role] }));

/** A role by its code or its name in either language; "Br" (broker), as some slides write it. */
export function roleOf(value: string): Role | null {
  return norm(value) === 'br' ? 'Int' : (byLabel(ROLE_OPTIONS, value)?.id ?? null);
}
const STATE_OPTIONS = CARD_STATES.map((state) => ({ id: state, label: CARD_STATE_LABELS[state] }));
// The short labels the board shows are accepted too.
const STATE_SHORT: { id: CardState; label: Localized }[] = [
  {
    id: 'existing-modified',
    label: { fr: strings.fr.stateExisting, en: strings.en.stateExisting },
  },
  { id: 'new', label: { fr: strings.fr.stateNew, en: strings.en.stateNew } },
  {
    id: 'external-identity',
    label: { fr: strings.fr.stateExternal, en: strings.en.stateExternal },
  },
];

export interface RowReader {
  has(key: string): boolean;
  get(key: string): string;
}

/**
 * Resolves a value given in a French and/or an English column (or a code column): both must
 * name the same thing. Returns undefined when no column is present or every cell is empty.
 */
export function resolvePair<T>(
  row: RowReader,
  keys: readonly string[],
  resolve: (value: string) => T | null,
  errors: Localized[],
  field: Localized,
  /** A better reason than "unknown" for a value that resolves to nothing. */
  explain?: (value: string) => Localized | null,
): T | undefined | null {
  let found: T | undefined;
  for (const key of keys) {
    if (!row.has(key)) continue;
    const value = row.get(key);
    if (value === '') continue;
    const resolved = resolve(value);
    if (resolved === null) {
      errors.push(explain?.(value) ?? about('importUnknownValue', field, { value }));
      return null;
    }
    if (found !== undefined && found !== resolved) {
      errors.push(about('importDisagree', field));
      return null;
    }
    found = resolved;
  }
  return found;
}

function resolvePeriods(phase: PhaseRecord, value: string): string[] | null {
  const ids: string[] = [];
  for (const part of value
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const period = byLabel(phase.periods, part);
    if (!period) return null;
    if (!ids.includes(period.id)) ids.push(period.id);
  }
  // In the phase's order, as the canvas and the panel write them.
  return phase.periods.map((p) => p.id).filter((id) => ids.includes(id));
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** A row's id, when given, is well formed and on no earlier row (it is then remembered). */
export function checkRowId(id: string, seen: Set<string>, errors: Localized[]): void {
  if (id === '') return;
  if (seen.has(id)) errors.push(both('importDuplicateId', { id }));
  seen.add(id);
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/.test(id)) errors.push(both('importBadId', { id }));
}

/** Reads one data row into a command, or into its errors. */
export function planRow(
  roadmap: Roadmap,
  row: RowReader,
  line: number,
  seen: Set<string>,
): ImportRow {
  const errors: Localized[] = [];
  const id = row.has('id') ? row.get('id') : '';
  const existing = id === '' ? undefined : roadmap.cards.find((c) => c.id === id);
  const titleFr = row.has('title_fr') ? row.get('title_fr') : (existing?.title.fr ?? '');
  const titleEn = row.has('title_en') ? row.get('title_en') : (existing?.title.en ?? '');
  const shown = titleFr || titleEn || id;

  checkRowId(id, seen, errors);
  if (existing?.archived) errors.push(both('importArchived'));
  if (titleFr === '' && titleEn === '') errors.push(both('importNoTitle'));

  const domain = resolvePair(
    row,
    ['domain_fr', 'domain_en'],
    (v) => byLabel(roadmap.domains, v)?.id ?? null,
    errors,
    fieldName('colDomain'),
  );
  const phaseId = resolvePair(
    row,
    ['phase_fr', 'phase_en'],
    (v) => byLabel(roadmap.phases, v)?.id ?? null,
    errors,
    fieldName('colPhase'),
  );
  const role = resolvePair<Role>(
    row,
    ['role', 'role_fr', 'role_en'],
    roleOf,
    errors,
    fieldName('colRole'),
  );
  const state = resolvePair<CardState>(
    row,
    ['state_fr', 'state_en'],
    (v) => byLabel(STATE_OPTIONS, v)?.id ?? byLabel(STATE_SHORT, v)?.id ?? null,
    errors,
    fieldName('colState'),
  );
  const domainId = domain ?? existing?.domainId;
  const finalPhaseId = phaseId ?? existing?.phaseId;
  if (!existing) {
    if (domain === undefined) errors.push(about('importMissing', fieldName('colDomain')));
    if (phaseId === undefined) errors.push(about('importMissing', fieldName('colPhase')));
    if (role === undefined) errors.push(about('importMissing', fieldName('colRole')));
  }
  const phase = roadmap.phases.find((p) => p.id === finalPhaseId);
  let periodIds: string[] | undefined;
  const periodsText = ['periods_fr', 'periods_en'].filter((k) => row.has(k)).map((k) => row.get(k));
  if (phase && periodsText.length > 0) {
    const resolved = periodsText.map((value) => resolvePeriods(phase, value));
    if (resolved.some((r) => r === null)) {
      errors.push(
        both('importBadPeriods', {
          value: periodsText.find((_, i) => resolved[i] === null) ?? '',
        }),
      );
    } else {
      const given = resolved.filter((r): r is string[] => r !== null && r.length > 0);
      if (given.length === 2 && !sameList(given[0]!, given[1]!)) {
        errors.push(about('importDisagree', fieldName('colPeriods')));
      }
      periodIds = given[0] ?? [];
    }
  }
  if (errors.length > 0 || null === domain || null === phaseId || null === role || null === state) {
    return { line, kind: 'error', title: shown, errors };
  }

  const text = (key: string, current: Localized | undefined): Localized => ({
    fr: row.has(`${key}_fr`) ? row.get(`${key}_fr`) : (current?.fr ?? ''),
    en: row.has(`${key}_en`) ? row.get(`${key}_en`) : (current?.en ?? ''),
  });
  const lead = row.has('lead') ? row.get('lead') || null : (existing?.leadJurisdiction ?? null);
  const members = row.has('members') ? lines(row.get('members')) : [...(existing?.members ?? [])];
  const formedFrom =
    row.has('formed_from_fr') || row.has('formed_from_en')
      ? pairedLines(
          row.has('formed_from_fr')
            ? row.get('formed_from_fr')
            : (existing?.formedFrom ?? []).map((g) => g.fr).join('\n'),
          row.has('formed_from_en')
            ? row.get('formed_from_en')
            : (existing?.formedFrom ?? []).map((g) => g.en).join('\n'),
        )
      : [...(existing?.formedFrom ?? [])];
  const mandate = text('mandate', existing?.mandate);
  const deliverables = text('deliverables', existing?.deliverables);
  const title = { fr: titleFr, en: titleEn };

  if (!existing) {
    const input: CreateCardInput = {
      ...(id === '' ? {} : { id }),
      title,
      role: role!,
      state: state ?? 'new',
      domainId: domainId!,
      phaseId: finalPhaseId!,
      periodIds: periodIds ?? [],
      mandate,
      deliverables,
      leadJurisdiction: lead,
      members,
      formedFrom,
    };
    return {
      line,
      kind: 'create',
      title: shown,
      command: (doc, origin) => {
        createCard(doc, input, origin);
      },
    };
  }

  const patch: { -readonly [K in keyof UpdateCardInput]?: UpdateCardInput[K] } = {};
  const fields: string[] = [];
  const changedText = (key: 'title' | 'mandate' | 'deliverables', next: Localized) => {
    const current = existing[key];
    if (next.fr !== current.fr || next.en !== current.en) {
      patch[key] = next;
      fields.push(key);
    }
  };
  changedText('title', title);
  changedText('mandate', mandate);
  changedText('deliverables', deliverables);
  if (role !== undefined && role !== existing.role) {
    patch.role = role;
    fields.push('role');
  }
  if (state !== undefined && state !== existing.state) {
    patch.state = state;
    fields.push('state');
  }
  if (lead !== existing.leadJurisdiction) {
    patch.leadJurisdiction = lead;
    fields.push('lead');
  }
  if (!sameList(members, existing.members)) {
    patch.members = members;
    fields.push('members');
  }
  if (!sameList(formedFrom, existing.formedFrom)) {
    patch.formedFrom = formedFrom;
    fields.push('formedFrom');
  }
  const moved = domainId !== existing.domainId || finalPhaseId !== existing.phaseId;
  if (moved) fields.push('cell');
  // A move drops periods of the old phase; periods given in the file are set after it.
  const wantedPeriods =
    periodIds ??
    (moved
      ? existing.periodIds.filter((p) => phase?.periods.some((x) => x.id === p))
      : existing.periodIds);
  if (!sameList(wantedPeriods, existing.periodIds)) {
    patch.periodIds = wantedPeriods;
    fields.push('periods');
  }
  if (fields.length === 0) return { line, kind: 'unchanged', id: existing.id, title: shown };
  const cardId = existing.id;
  return {
    line,
    kind: 'update',
    id: cardId,
    title: shown,
    fields,
    command: (doc, origin) => {
      if (moved) moveCard(doc, { id: cardId, domainId: domainId!, phaseId: finalPhaseId! }, origin);
      if (Object.keys(patch).length > 0) updateCard(doc, { id: cardId, ...patch }, origin);
    },
  };
}
