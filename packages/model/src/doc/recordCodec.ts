import { isOrderKey } from '../fractionalIndex.ts';
import type { CardRecord } from '../records/card.ts';
import { CARD_STATES } from '../records/card.ts';
import { type DomainRecord, FALLBACK_DOMAIN_COLOUR } from '../records/domain.ts';
import { ITEM_KINDS, type ItemRecord } from '../records/item.ts';
import type { PeriodRecord, PhaseRecord } from '../records/phase.ts';
import { ROLES } from '../records/role.ts';
import {
  readBoolean,
  readOneOf,
  readOrder,
  readString,
  readStringList,
  readStringOrNull,
  readText,
  readTextList,
  setField,
  setText,
} from './fields.ts';
import type { RecordMap } from './layout.ts';

/** How each record type maps onto the fields of its nested Y.Map (see layout.ts). */

export type StoredDomain = DomainRecord & {
  readonly removed: boolean;
  readonly removedInto: string | null;
};

export function writeDomain(map: RecordMap, domain: DomainRecord): void {
  setText(map, 'label', domain.label);
  setField(map, 'colour', domain.colour);
  setField(map, 'order', domain.order);
  if (!map.has('removed')) map.set('removed', false);
  if (!map.has('removedInto')) map.set('removedInto', null);
}

export function readDomain(id: string, map: RecordMap): StoredDomain {
  return {
    id,
    label: readText(map, 'label'),
    colour: readString(map, 'colour', FALLBACK_DOMAIN_COLOUR),
    order: readOrder(map),
    removed: readBoolean(map, 'removed'),
    removedInto: readStringOrNull(map, 'removedInto'),
  };
}

export type StoredPhase = Omit<PhaseRecord, 'periods'>;

export function writePhase(map: RecordMap, phase: StoredPhase): void {
  setText(map, 'label', phase.label);
  setField(map, 'start', phase.start);
  setField(map, 'end', phase.end);
}

export function readPhase(id: string, map: RecordMap): StoredPhase {
  return {
    id,
    label: readText(map, 'label'),
    start: readString(map, 'start', '1970-01-01'),
    end: readStringOrNull(map, 'end'),
  };
}

export type StoredPeriod = PeriodRecord & { readonly phaseId: string };

export function writePeriod(map: RecordMap, period: StoredPeriod): void {
  setField(map, 'phaseId', period.phaseId);
  setText(map, 'label', period.label);
  setField(map, 'start', period.start);
  setField(map, 'end', period.end);
}

export function readPeriod(id: string, map: RecordMap): StoredPeriod {
  const start = readString(map, 'start', '1970-01-01');
  return {
    id,
    phaseId: readString(map, 'phaseId'),
    label: readText(map, 'label'),
    start,
    end: readString(map, 'end', start),
  };
}

export function writeCard(map: RecordMap, card: CardRecord): void {
  writeCell(map, card);
  writeCardFields(map, card);
  setField(map, 'archived', card.archived);
}

/** Everything but the cell and the archived flag, which have their own commands. */
export function writeCardFields(map: RecordMap, card: CardRecord): void {
  setText(map, 'title', card.title);
  setField(map, 'role', card.role);
  setField(map, 'state', card.state);
  setField(map, 'periodIds', [...card.periodIds]);
  setText(map, 'mandate', card.mandate);
  setText(map, 'deliverables', card.deliverables);
  setField(map, 'leadJurisdiction', card.leadJurisdiction);
  setField(map, 'members', [...card.members]);
  setField(
    map,
    'formedFrom',
    card.formedFrom.map((group) => ({ fr: group.fr, en: group.en })),
  );
}

export type Cell = {
  readonly domainId: string;
  readonly phaseId: string;
  readonly order: string;
};

/**
 * A card's place is one value, not three keys: two people moving the same card at once must end
 * with one of the cells they chose, never the domain of one and the phase of the other.
 */
export function writeCell(map: RecordMap, cell: Cell): void {
  setField(map, 'cell', { domainId: cell.domainId, phaseId: cell.phaseId, order: cell.order });
}

function readCell(map: RecordMap): Cell {
  const raw = map.get('cell');
  const cell = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    domainId: typeof cell.domainId === 'string' ? cell.domainId : '',
    phaseId: typeof cell.phaseId === 'string' ? cell.phaseId : '',
    order: isOrderKey(cell.order) ? cell.order : 'V',
  };
}

/** Raw stored card: domainId/phaseId may point at a removed or not-yet-received record. */
export function readCard(id: string, map: RecordMap): CardRecord {
  return {
    id,
    title: readText(map, 'title'),
    role: readOneOf(map, 'role', ROLES),
    state: readOneOf(map, 'state', CARD_STATES),
    ...readCell(map),
    periodIds: readStringList(map, 'periodIds'),
    mandate: readText(map, 'mandate'),
    deliverables: readText(map, 'deliverables'),
    leadJurisdiction: readStringOrNull(map, 'leadJurisdiction'),
    members: readStringList(map, 'members'),
    formedFrom: readTextList(map, 'formedFrom'),
    archived: readBoolean(map, 'archived'),
  };
}

export function writeItem(map: RecordMap, item: ItemRecord): void {
  setText(map, 'label', item.label);
  setField(map, 'role', item.role);
  setField(map, 'kind', item.kind);
  setField(map, 'domainId', item.domainId);
  setField(map, 'startPeriodId', item.startPeriodId);
  setField(map, 'endPeriodId', item.endPeriodId);
  setField(map, 'order', item.order);
  setField(map, 'cardIds', [...item.cardIds]);
}

export function readItem(id: string, map: RecordMap): ItemRecord {
  return {
    id,
    label: readText(map, 'label'),
    role: readOneOf(map, 'role', ROLES),
    kind: readOneOf(map, 'kind', ITEM_KINDS),
    domainId: readString(map, 'domainId'),
    startPeriodId: readString(map, 'startPeriodId'),
    endPeriodId: readString(map, 'endPeriodId'),
    order: readOrder(map),
    cardIds: readStringList(map, 'cardIds'),
  };
}
