import type { Decision } from '@fdr/model';

const COLUMNS = [
  'recorded_at',
  'meeting_fr',
  'meeting_en',
  'held_on',
  'decision_fr',
  'decision_en',
  'targets',
  'version_name',
  'version_id',
  'recorded_by',
];

/**
 * One cell: a text a spreadsheet would run as a formula (starting with = + - @ tab or carriage
 * return) gets a leading apostrophe; every cell is quoted, quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The decisions register as CSV, with a byte-order mark so spreadsheets read it as UTF-8. */
export function decisionsCsv(decisions: readonly Decision[]): string {
  const lines = [COLUMNS.join(',')];
  for (const d of decisions) {
    lines.push(
      [
        new Date(d.recordedAt).toISOString(),
        d.meetingTitle.fr,
        d.meetingTitle.en,
        d.heldOn,
        d.text.fr,
        d.text.en,
        d.targets.map((t) => `${t.kind}:${t.id}`).join(' '),
        d.versionName,
        d.versionId,
        d.recordedBy.name,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
