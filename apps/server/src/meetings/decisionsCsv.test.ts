import { describe, expect, it } from 'vitest';
import { decisionsCsv } from './decisionsCsv.ts';
import { decisionVersion } from './decisionVersion.ts';

describe('decisionsCsv', () => {
  it('starts with a byte-order mark and guards every formula start', () => {
    const cells = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', 'a "quote"'];
    const csv = decisionsCsv(
      cells.map((text, i) => ({
        id: `d${i}`,
        meetingId: 'm',
        meetingTitle: { fr: text, en: 'M' },
        heldOn: '2026-12-01',
        text: { fr: text, en: '' },
        targets: [
          { kind: 'card', id: 'c1' },
          { kind: 'domain', id: 'd1' },
        ],
        versionId: 'v',
        versionName: 'n',
        recordedBy: { id: 'u', name: '=HYPERLINK("x")' },
        recordedAt: Date.UTC(2026, 11, 1),
      })),
    );
    expect(csv.startsWith('\uFEFFrecorded_at,meeting_fr,')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows[1]).toBe(
      `"2026-12-01T00:00:00.000Z","'=1+1","M","2026-12-01","'=1+1","","card:c1 domain:d1","n","v","'=HYPERLINK(""x"")"`,
    );
    expect(rows.slice(1, 7).every((r) => r.split(',')[1]!.startsWith(`"'`))).toBe(true);
    expect(rows[7]).toContain('"plain"');
    expect(rows[8]).toContain('"a ""quote"""');
  });
});

describe('decisionVersion', () => {
  it('names the version with the date and the first 60 characters, English first', () => {
    const long = 'x'.repeat(100);
    expect(decisionVersion('2026-12-01', { fr: 'Oui', en: long }).name).toBe(
      `Décision / Decision — 2026-12-01 — ${'x'.repeat(60)}`,
    );
    expect(decisionVersion('2026-12-01', { fr: 'Oui  mais\nnon', en: '' })).toEqual({
      name: 'Décision / Decision — 2026-12-01 — Oui mais non',
      note: 'Oui  mais\nnon\n\n',
    });
    expect(
      decisionVersion('2026-12-01', { fr: 'a'.repeat(4000), en: 'b'.repeat(4000) }).note,
    ).toHaveLength(5000);
  });
});
