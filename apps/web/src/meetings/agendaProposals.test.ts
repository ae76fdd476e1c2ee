import { describe, expect, it } from 'vitest';
import type { CardStatus } from '../checkins/checkinApi.ts';
import { agendaProposals } from './agendaProposals.ts';
import type { Action } from './meetingApi.ts';

const card = (id: string, extra: Partial<CardStatus>): CardStatus => ({
  id,
  title: { fr: `Équipe ${id}`, en: `Team ${id}` },
  domainId: 'd',
  phaseId: 'p',
  domain: { fr: 'D', en: 'D' },
  phase: { fr: 'P', en: 'P' },
  latestStatus: null,
  stale: false,
  mayCheckIn: false,
  checkins: [],
  ...extra,
});

describe('agenda proposals', () => {
  it('propose overdue, at-risk and blocked teams, and open actions, once each', () => {
    const status = (s: 'at-risk' | 'blocked') =>
      ({ status: s, at: '2026-01-01T00:00:00Z' }) as unknown as CardStatus['latestStatus'];
    const actions = [
      { state: 'open', title: { fr: 'Faire', en: 'Do' }, target: null },
      { state: 'done', title: { fr: 'Fait', en: 'Done' }, target: null },
    ] as unknown as Action[];
    const proposals = agendaProposals({
      cards: [
        card('a', { stale: true }),
        card('b', { latestStatus: status('at-risk') }),
        card('c', { latestStatus: status('blocked'), stale: true }),
        card('d', {}),
      ],
      changes: null,
      actions,
      roadmap: null,
      onAgenda: new Set(['card:c']),
    });
    expect(proposals.map((p) => [p.reason, p.target?.id ?? p.title.en])).toEqual([
      ['overdue', 'a'],
      ['at-risk', 'b'],
      ['action', 'Do'],
    ]);
  });
});
