import { describe, expect, it } from 'vitest';
import { chosenMeeting } from './chosenMeeting.ts';

const meetings = [
  { id: 'old', heldOn: '2026-09-01', createdAt: 5 },
  { id: 'new', heldOn: '2026-12-01', createdAt: 1 },
  { id: 'new-later', heldOn: '2026-12-01', createdAt: 2 },
];

describe('the meeting in the pack', () => {
  it('is the latest by date, then by creation', () => {
    expect(chosenMeeting(meetings, null)?.id).toBe('new-later');
  });
  it('is the one asked for, when it exists', () => {
    expect(chosenMeeting(meetings, 'old')?.id).toBe('old');
    expect(chosenMeeting(meetings, 'gone')?.id).toBe('new-later');
  });
  it('is none on a board without meetings', () => {
    expect(chosenMeeting([], 'x')).toBeNull();
  });
});
