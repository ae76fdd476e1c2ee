import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { writeCell } from '../doc/recordCodec.ts';
import { compareByOrder, keysBetween } from '../fractionalIndex.ts';
import { ModelError } from '../ModelError.ts';
import {
  docRoots,
  domainOf,
  KIND,
  readState,
  recordId,
  recordMap,
  write,
} from './commandSupport.ts';

export type RemoveDomainInput = {
  readonly id: string;
  /** Required when the domain still holds cards or roadmap items (archived ones included). */
  readonly moveTo?: string;
};

/**
 * Removes a swimlane. Its cards and items are moved, in their current order, to the end of the
 * matching cells of `moveTo`. The domain stays as a tombstone that records `moveTo`, so a card
 * another peer moves into the removed lane at the same time lands in `moveTo` as well.
 */
export function removeDomain(doc: Y.Doc, input: RemoveDomainInput, origin: unknown): void {
  const state = readState(doc);
  const id = recordId(input.id);
  const domain = domainOf(state, id);
  if (state.domains.length === 1) {
    throw new ModelError(
      'last-domain',
      {
        fr: "Impossible de supprimer le dernier domaine d'intérêt du tableau.",
        en: 'The last domain of interest of a board cannot be removed.',
      },
      { id },
    );
  }
  const cards = state.cards.filter((card) => card.domainId === id);
  const items = state.items.filter((item) => item.domainId === id);
  const moveTo = input.moveTo === undefined ? undefined : recordId(input.moveTo, 'moveTo');
  if (moveTo === undefined && (cards.length > 0 || items.length > 0)) {
    throw new ModelError(
      'domain-not-empty',
      {
        fr: `Le domaine « ${domain.label.fr || domain.label.en} » contient ${cards.length} carte(s) et ${items.length} élément(s); indiquez le domaine qui les recevra.`,
        en: `Domain "${domain.label.en || domain.label.fr}" holds ${cards.length} card(s) and ${items.length} item(s); name the domain that will receive them.`,
      },
      { id },
    );
  }
  if (moveTo !== undefined && (moveTo === id || !state.domains.some((d) => d.id === moveTo))) {
    throw new ModelError(
      'invalid-input',
      {
        fr: `Le domaine de destination « ${moveTo} » doit être un autre domaine existant.`,
        en: `The target domain "${moveTo}" must be another existing domain.`,
      },
      { path: 'moveTo', id: moveTo },
    );
  }

  const roots = docRoots(doc);
  const cardKeys = new Map<string, string>();
  if (moveTo !== undefined) {
    for (const phase of state.phases) {
      const moving = cards.filter((card) => card.phaseId === phase.id).sort(compareByOrder);
      const last = state.cards
        .filter((card) => card.domainId === moveTo && card.phaseId === phase.id)
        .sort(compareByOrder)
        .at(-1);
      const keys = keysBetween(last?.order ?? null, null, moving.length);
      moving.forEach((card, index) => {
        cardKeys.set(card.id, keys[index] ?? card.order);
      });
    }
  }
  const lastItem = state.items.filter((item) => item.domainId === moveTo).at(-1);
  const itemKeys = keysBetween(lastItem?.order ?? null, null, items.length);
  const map = recordMap(roots.domains, id, KIND.domain);

  write(doc, origin, () => {
    if (moveTo !== undefined) {
      for (const card of cards) {
        writeCell(recordMap(roots.cards, card.id, KIND.card), {
          domainId: moveTo,
          phaseId: card.phaseId,
          order: cardKeys.get(card.id) ?? card.order,
        });
      }
      items.forEach((item, index) => {
        const itemMap = recordMap(roots.items, item.id, KIND.item);
        setField(itemMap, 'domainId', moveTo);
        setField(itemMap, 'order', itemKeys[index] ?? item.order);
      });
    }
    setField(map, 'removed', true);
    setField(map, 'removedInto', moveTo ?? null);
  });
}
