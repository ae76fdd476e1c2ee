import type * as Y from 'yjs';
import { writeCardFields } from '../doc/recordCodec.ts';
import { type CardState, validateCard } from '../records/card.ts';
import type { Localized } from '../records/localized.ts';
import type { Role } from '../records/role.ts';
import { checkPeriodsOfPhase } from './checkPeriodsOfPhase.ts';
import {
  cardOf,
  mergeText,
  readState,
  recordId,
  requirePhase,
  writeRecord,
} from './commandSupport.ts';

export type UpdateCardInput = {
  readonly id: string;
  /** Texts may be patched one language at a time. */
  readonly title?: Partial<Localized>;
  readonly role?: Role;
  readonly state?: CardState;
  readonly periodIds?: readonly string[];
  readonly mandate?: Partial<Localized>;
  readonly deliverables?: Partial<Localized>;
  readonly leadJurisdiction?: string | null;
  readonly members?: readonly string[];
  readonly formedFrom?: readonly Localized[];
};

/** Changes a card's descriptive fields. Moving and archiving have their own commands. */
export function updateCard(doc: Y.Doc, input: UpdateCardInput, origin: unknown): void {
  const state = readState(doc);
  const id = recordId(input.id);
  const current = cardOf(state, id);
  const { checkins: _history, latestStatus: _latest, ...stored } = current;
  const next = validateCard(
    {
      ...stored,
      title: mergeText(current.title, input.title, 'title'),
      role: input.role ?? current.role,
      state: input.state ?? current.state,
      periodIds: input.periodIds ?? current.periodIds,
      mandate: mergeText(current.mandate, input.mandate, 'mandate'),
      deliverables: mergeText(current.deliverables, input.deliverables, 'deliverables'),
      leadJurisdiction:
        input.leadJurisdiction === undefined ? current.leadJurisdiction : input.leadJurisdiction,
      members: input.members ?? current.members,
      formedFrom: input.formedFrom ?? current.formedFrom,
    },
    'input',
  );
  checkPeriodsOfPhase(requirePhase(state, current.phaseId), next.periodIds);
  // Unchanged fields are skipped, so they cannot override a concurrent edit by someone else.
  writeRecord(doc, origin, { root: 'cards', id: id }, (map) => writeCardFields(map, next));
}
