import type * as Y from 'yjs';
import { writeCard } from '../doc/recordCodec.ts';
import { type CardState, validateCard } from '../records/card.ts';
import { EMPTY_TEXT, type Localized } from '../records/localized.ts';
import type { Role } from '../records/role.ts';
import { checkPeriodsOfPhase } from './checkPeriodsOfPhase.ts';
import {
  cellCards,
  newRecordId,
  readState,
  requireLiveDomain,
  requirePhase,
  writeRecord,
} from './commandSupport.ts';
import { type Position, placeAmong } from './Position.ts';
import { writeRekeys } from './writeRekeys.ts';

export type CreateCardInput = {
  /** Optional stable id (e.g. from an import); a random one otherwise. */
  readonly id?: string;
  readonly title: Localized;
  readonly role: Role;
  readonly state?: CardState;
  readonly domainId: string;
  readonly phaseId: string;
  readonly periodIds?: readonly string[];
  readonly position?: Position;
  readonly mandate?: Localized;
  readonly deliverables?: Localized;
  readonly leadJurisdiction?: string | null;
  readonly members?: readonly string[];
  readonly formedFrom?: readonly Localized[];
  /** When the card is created (UTC); now by default. Staleness counts from it. */
  readonly createdAt?: string;
};

/** Creates a task-team card in a cell; returns its id. */
export function createCard(doc: Y.Doc, input: CreateCardInput, origin: unknown): string {
  const state = readState(doc);
  const id = newRecordId(doc, input.id, 'cards');
  requireLiveDomain(state, input.domainId);
  const phase = requirePhase(state, input.phaseId);
  const placement = placeAmong(cellCards(state, input.domainId, input.phaseId), input.position);
  const card = validateCard(
    {
      id,
      title: input.title,
      role: input.role,
      state: input.state ?? 'new',
      domainId: input.domainId,
      phaseId: input.phaseId,
      periodIds: input.periodIds ?? [],
      order: placement.key,
      mandate: input.mandate ?? EMPTY_TEXT,
      deliverables: input.deliverables ?? EMPTY_TEXT,
      leadJurisdiction: input.leadJurisdiction ?? null,
      members: input.members ?? [],
      formedFrom: input.formedFrom ?? [],
      archived: false,
      createdAt: input.createdAt ?? new Date().toISOString(),
    },
    'input',
  );
  checkPeriodsOfPhase(phase, card.periodIds);
  writeRecord(doc, origin, { root: 'cards', id: id, isNew: true }, (map, cards) => {
    writeCard(map, card);
    writeRekeys(cards, placement.rekeyed);
  });
  return id;
}
