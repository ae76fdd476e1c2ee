import type { MoveCardInput } from '@fdr/model';

/** Where a move dialog sends a card: a cell, at the top or the bottom of its cards. */
export interface MoveTarget {
  domainId: string;
  phaseId: string;
  place: 'first' | 'last';
}

/**
 * The `moveCard` input of a move chosen in a dialog. "Last" gives no index: the model then puts
 * the card after the cell's others, as a drop on the canvas does.
 */
export function moveCardInput(cardId: string, target: MoveTarget): MoveCardInput {
  return {
    id: cardId,
    domainId: target.domainId,
    phaseId: target.phaseId,
    position: target.place === 'first' ? { index: 0 } : {},
  };
}
