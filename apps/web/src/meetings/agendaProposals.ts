import type { Change, Roadmap } from '@fdr/model';
import type { CardStatus } from '../checkins/checkinApi.ts';
import type { Action, AgendaReason, LocalizedText, MeetingTarget } from './meetingApi.ts';
import { targetKey } from './targetLabel.ts';

export interface Proposal {
  title: LocalizedText;
  target: MeetingTarget | null;
  reason: Exclude<AgendaReason, null>;
}

/** The card or item a change is about; null for the board's structure and settings. */
function changeTarget(change: Change): MeetingTarget | null {
  if ('cardId' in change && typeof change.cardId === 'string') {
    return { kind: 'card', id: change.cardId };
  }
  if ('itemId' in change && typeof change.itemId === 'string') {
    return { kind: 'item', id: change.itemId };
  }
  return null;
}

/**
 * What the board suggests for a meeting's agenda: overdue teams (the status page's staleness),
 * teams whose latest check-in says at risk or blocked, the cards and items changed since the last
 * named version (still on the board), and open actions. One proposal per target and reason,
 * leaving out what the agenda already holds for that target.
 */
export function agendaProposals(input: {
  cards: readonly CardStatus[];
  changes: readonly Change[] | null;
  actions: readonly Action[];
  roadmap: Roadmap | null;
  onAgenda: ReadonlySet<string>;
}): Proposal[] {
  const proposals: Proposal[] = [];
  const seen = new Set<string>();
  const push = (proposal: Proposal) => {
    const target = proposal.target ? targetKey(proposal.target) : '';
    const key = `${proposal.reason}|${target}|${proposal.title.fr}|${proposal.title.en}`;
    if (seen.has(key) || (target !== '' && input.onAgenda.has(target))) return;
    seen.add(key);
    proposals.push(proposal);
  };
  for (const card of input.cards) {
    if (card.stale)
      push({ title: card.title, target: { kind: 'card', id: card.id }, reason: 'overdue' });
  }
  for (const card of input.cards) {
    const status = card.latestStatus?.status;
    if (status === 'at-risk' || status === 'blocked') {
      push({ title: card.title, target: { kind: 'card', id: card.id }, reason: status });
    }
  }
  const cards = new Map(input.roadmap?.cards.map((card) => [card.id, card]) ?? []);
  const items = new Map(input.roadmap?.items.map((item) => [item.id, item]) ?? []);
  for (const change of input.changes ?? []) {
    const target = changeTarget(change);
    if (!target) continue;
    // Removed ones cannot be an entry's target: the server checks targets exist.
    const title =
      target.kind === 'card' ? cards.get(target.id)?.title : items.get(target.id)?.label;
    if (!title || (target.kind === 'card' && cards.get(target.id)?.archived)) continue;
    push({ title, target, reason: 'changed' });
  }
  for (const action of input.actions) {
    if (action.state === 'open')
      push({ title: action.title, target: action.target, reason: 'action' });
  }
  return proposals;
}
