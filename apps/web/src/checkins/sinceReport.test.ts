import type { Change, CheckinRecord } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import type { VersionInfo } from '../versions/versionApi.ts';
import type { CardStatus } from './checkinApi.ts';
import { latestNamed, sinceReport, startOfDay, versionAtOrBefore } from './sinceReport.ts';

const version = (id: string, kind: VersionInfo['kind'], createdAt: number): VersionInfo => ({
  id,
  boardId: 'b',
  name: id,
  note: '',
  kind,
  authorId: null,
  authorName: null,
  createdAt,
  bytes: 1,
});

const checkin = (id: string, cardId: string, at: string): CheckinRecord => ({
  id,
  cardId,
  status: 'on-track',
  progress: null,
  summary: { fr: '', en: '' },
  nextMilestone: null,
  asks: { fr: '', en: '' },
  risks: { fr: '', en: '' },
  author: 'A',
  at,
});

const card = (id: string, checkins: CheckinRecord[]): CardStatus => ({
  id,
  title: { fr: id, en: id },
  domainId: 'd',
  phaseId: 'p',
  domain: { fr: 'D', en: 'D' },
  phase: { fr: 'P', en: 'P' },
  latestStatus: null,
  stale: false,
  mayCheckIn: false,
  checkins,
});

describe('since the last meeting', () => {
  const day = (text: string, hour = 12) => startOfDay(text) + hour * 3_600_000;
  // Newest first, as the server lists them.
  const versions = [
    version('auto-mar', 'auto', day('2018-03-02')),
    version('feb-meeting', 'named', day('2018-02-14', 17)),
    version('auto-feb', 'auto', day('2018-02-10')),
    version('sep-meeting', 'named', day('2017-09-20')),
  ];

  it('starts from the latest named version', () => {
    expect(latestNamed(versions)?.id).toBe('feb-meeting');
    expect(latestNamed([versions[0]!])).toBeNull();
  });

  it('for a date, takes the latest version of any kind on or before that day', () => {
    expect(versionAtOrBefore(versions, '2018-02-14')?.id).toBe('feb-meeting');
    expect(versionAtOrBefore(versions, '2018-02-13')?.id).toBe('auto-feb');
    expect(versionAtOrBefore(versions, '2018-06-01')?.id).toBe('auto-mar');
    expect(versionAtOrBefore(versions, '2017-01-01')).toBeNull();
  });

  it('sorts the changes into sections and lists the new check-ins, newest first', () => {
    const cell = {
      domainId: 'd',
      phaseId: 'p',
      domain: { fr: 'D', en: 'D' },
      phase: { fr: 'P', en: 'P' },
    };
    const title = { fr: 'T', en: 'T' };
    const changes: Change[] = [
      { kind: 'card-moved', cardId: 'a', title, from: cell, to: cell },
      { kind: 'card-added', cardId: 'n', title, to: cell },
      { kind: 'card-archived', cardId: 'z', title },
      { kind: 'card-renamed', cardId: 'r', from: title, to: title },
      { kind: 'card-status-changed', cardId: 'a', title, from: null, to: 'on-track' },
      { kind: 'card-checked-in', cardId: 'a', title, checkinIds: ['new-1', 'offline'] },
      { kind: 'domain-renamed', domainId: 'd', from: title, to: title },
      { kind: 'period-added', periodId: 'q', phaseId: 'p', label: title, phase: title },
      { kind: 'board-settings-changed', fields: ['staleAfterDays'] },
      { kind: 'item-renamed', itemId: 'i', from: title, to: title },
      { kind: 'item-changed', itemId: 'i', label: title, fields: ['role'] },
    ];
    const cards = [
      card('a', [
        checkin('old', 'a', '2018-01-01T10:00:00.000Z'),
        // Recorded offline before the meeting, synced after: not in the version, so it is new.
        checkin('offline', 'a', '2018-02-13T10:00:00.000Z'),
        checkin('new-1', 'a', '2018-02-20T10:00:00.000Z'),
      ]),
    ];
    const report = sinceReport(changes, cards, day('2018-02-14'));
    expect(report.checkins.map((c) => c.checkin.id)).toEqual(['new-1', 'offline']);
    expect(report.moved).toHaveLength(1);
    expect(report.added).toHaveLength(1);
    expect(report.removed).toHaveLength(1);
    expect(report.renamed).toHaveLength(1);
    // The lanes and columns have a section of their own.
    expect(report.structure.map((c) => c.kind)).toEqual(['domain-renamed', 'period-added']);
    expect(report.items.map((c) => c.kind)).toEqual(['item-renamed', 'item-changed']);
    expect(report.other.map((c) => c.kind)).toEqual(['board-settings-changed']);
  });

  it('without a reference version, lists the check-ins made since the date', () => {
    const cards = [
      card('a', [
        checkin('before', 'a', '2018-02-13T10:00:00.000Z'),
        checkin('after', 'a', '2018-02-20T10:00:00.000Z'),
      ]),
      card('b', [checkin('later', 'b', '2018-03-01T10:00:00.000Z')]),
    ];
    const report = sinceReport(null, cards, startOfDay('2018-02-14'));
    expect(report.checkins.map((c) => c.checkin.id)).toEqual(['later', 'after']);
    expect(report.moved).toEqual([]);
  });
});
