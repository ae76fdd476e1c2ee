import { describe, expect, it } from 'vitest';
import { decisionsBetween } from './decisionsBetween.ts';
import type { Decision } from './meetingApi.ts';

function decision(id: string, recordedAt: number, versionId: string): Decision {
  return {
    id,
    meetingId: 'm',
    meetingTitle: { fr: 'Conseil', en: 'Council' },
    heldOn: '2026-12-01',
    text: { fr: id, en: id },
    targets: [],
    versionId,
    versionName: versionId,
    recordedBy: { id: 'u', name: 'Ana' },
    recordedAt,
  };
}

describe('decisions of a period', () => {
  // v1 taken at 100 with decision d1 at 101; d2 at 150 (v2 at 149); v3 at 200 with d3 at 201.
  const all = [decision('d1', 101, 'v1'), decision('d2', 150, 'v2'), decision('d3', 201, 'v3')];

  it('leave out the decision that made the older state, keep the one that made the newer', () => {
    const found = decisionsBetween(all, {
      from: 100,
      fromVersionId: 'v1',
      to: 200,
      toVersionId: 'v3',
    });
    expect(found.map((d) => d.id)).toEqual(['d2', 'd3']);
  });

  it('go up to now without a newer state', () => {
    const found = decisionsBetween(all, {
      from: 120,
      fromVersionId: null,
      to: null,
      toVersionId: null,
    });
    expect(found.map((d) => d.id)).toEqual(['d2', 'd3']);
  });
});
