import { describe, expect, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { format } from '../i18n/format.ts';
import { meetingStrings } from './meetingStrings.ts';

describe('meeting strings', () => {
  it('exist in both languages with the same keys and placeholders, and are translated', () => {
    expectBilingual(meetingStrings);
    const fr: Record<string, string> = meetingStrings.fr;
    const en: Record<string, string> = meetingStrings.en;
    // Words that are the same in both languages.
    const same = new Set([
      'date',
      'minutes',
      'actionsHeading',
      'options',
      'votesHeading',
      'voteSecret',
      'countOne',
      'countMany',
      'votesLeftOne',
      'minutesShort',
      'proposalGroup',
    ]);
    expect(Object.keys(fr).filter((key) => fr[key] === en[key] && !same.has(key))).toEqual([]);
  });

  it('say the votes left as the end-to-end test reads them', () => {
    expect(format(meetingStrings.en.votesLeft, { left: 2, total: 3 })).toBe('2 of 3 votes left');
    expect(format(meetingStrings.fr.votesLeft, { left: 2, total: 3 })).toBe(
      'Il vous reste 2 votes sur 3',
    );
    expect(format(meetingStrings.fr.votesLeftOne, { left: 1, total: 3 })).toBe(
      'Il vous reste 1 vote sur 3',
    );
  });

  it('name each button with its visible text inside (WCAG 2.5.3)', () => {
    for (const lang of ['fr', 'en'] as const) {
      const t = meetingStrings[lang];
      const pairs: [string, string][] = [
        [t.voteAdd, format(t.voteAddLabel, { option: 'Security' })],
        [t.voteRemove, format(t.voteRemoveLabel, { option: 'Security' })],
        [t.voteClose, format(t.voteCloseLabel, { question: 'Q' })],
        [t.add, format(t.addLabel, { title: 'Security' })],
        [t.added, format(t.addedLabel, { title: 'Security' })],
        [t.remove, format(t.removeLabel, { title: 'Security' })],
      ];
      for (const [visible, label] of pairs) expect(label).toContain(visible);
    }
    expect(format(meetingStrings.en.voteAddLabel, { option: 'Security' })).toBe(
      'Add a vote to “Security”',
    );
  });
});
