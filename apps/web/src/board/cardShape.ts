import { isStale, type PhaseRecord, type RoadmapCard } from '@fdr/model';
import type { TLShape, TLShapeId } from 'tldraw';
import { CARD_H, CARD_W } from './layout.ts';

export const CARD_SHAPE = 'fdr-card';

/**
 * What a card shape displays. Everything comes from the model; the shape is a projection and is
 * never written back. Both languages travel so a language switch needs no new projection.
 */
export interface CardShapeProps {
  w: number;
  h: number;
  cardId: string;
  titleFr: string;
  titleEn: string;
  /** A model Role: CE, Pr, Int, In. */
  role: string;
  /** A model CardState. */
  state: string;
  /** The latest check-in status, or '' without any check-in. */
  status: string;
  /** Timestamp of the latest check-in, or ''. */
  statusAt: string;
  stale: boolean;
  /** One character per period of the card's phase, '1' when active; '' for a phase without periods. */
  periods: string;
}

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [CARD_SHAPE]: CardShapeProps;
  }
}

export type CardShape = TLShape<typeof CARD_SHAPE>;

/** Stable shape id of a card, so arrows bound to it survive every re-projection and reload. */
export function cardShapeId(cardId: string): TLShapeId {
  return `shape:card:${cardId}` as TLShapeId;
}

export function isCardShapeId(id: string): boolean {
  return id.startsWith('shape:card:');
}

export function cardIdOfShape(id: string): string | null {
  return isCardShapeId(id) ? id.slice('shape:card:'.length) : null;
}

export function cardShapeProps(
  card: RoadmapCard,
  phase: PhaseRecord | undefined,
  staleAfterDays: number,
  now: Date,
): CardShapeProps {
  const active = new Set(card.periodIds);
  const periods = (phase?.periods ?? [])
    .map((period) => (active.size === 0 || active.has(period.id) ? '1' : '0'))
    .join('');
  return {
    w: CARD_W,
    h: CARD_H,
    cardId: card.id,
    titleFr: card.title.fr,
    titleEn: card.title.en,
    role: card.role,
    state: card.state,
    status: card.latestStatus?.status ?? '',
    statusAt: card.latestStatus?.at ?? '',
    stale: isStale(card, staleAfterDays, now),
    periods,
  };
}
