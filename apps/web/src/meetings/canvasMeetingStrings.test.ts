import { describe, expect, it } from 'vitest';
import { expectBilingual } from '../i18n/expectBilingual.ts';
import { canvasMeetingStrings } from './canvasMeetingStrings.ts';
import {
  localizedText,
  timerAnnouncement,
  timerText,
  voteCountText,
  votesLeftText,
} from './meetingCanvasText.ts';

describe('meeting strings on the canvas', () => {
  it('exist in both languages with the same keys and placeholders, and are translated', () => {
    expectBilingual(canvasMeetingStrings);
    const fr: Record<string, string> = canvasMeetingStrings.fr;
    const en: Record<string, string> = canvasMeetingStrings.en;
    // "3 votes" is the same word in both languages.
    expect(Object.keys(fr).filter((key) => fr[key] === en[key])).toEqual(['votesOne', 'votesMany']);
  });

  it('say a dot-vote count in words', () => {
    expect(voteCountText(1, 'en')).toBe('1 vote');
    expect(voteCountText(3, 'en')).toBe('3 votes');
    expect(voteCountText(3, 'fr')).toBe('3 votes');
    expect(voteCountText(0, 'fr')).toBe('0 votes');
  });

  it('say the votes left', () => {
    expect(votesLeftText(2, 3, 'en')).toBe('2 of 3 votes left');
    expect(votesLeftText(2, 3, 'fr')).toBe('Il vous reste 2 votes sur 3');
    expect(votesLeftText(1, 3, 'fr')).toBe('Il vous reste 1 vote sur 3');
    expect(votesLeftText(0, 3, 'en')).toBe('0 of 3 votes left');
  });

  it('the vote buttons’ names contain their visible text (WCAG 2.5.3)', () => {
    for (const lang of ['fr', 'en'] as const) {
      const t = canvasMeetingStrings[lang];
      expect(t.voteAddLabel.toLowerCase()).toContain(t.voteAdd.toLowerCase());
      expect(t.voteRemoveLabel.toLowerCase()).toContain(t.voteRemove.toLowerCase());
    }
  });
});

describe('the timer', () => {
  it('shows mm:ss, rounded up, never below zero', () => {
    expect(timerText(5 * 60_000)).toBe('05:00');
    expect(timerText(61_001)).toBe('01:02');
    expect(timerText(400)).toBe('00:01');
    expect(timerText(-3000)).toBe('00:00');
  });

  it('is announced at one minute left and when up, not every second', () => {
    expect(timerAnnouncement(61_000, 60_000)).toBe('minute');
    expect(timerAnnouncement(60_000, 59_750)).toBeNull();
    expect(timerAnnouncement(120_000, 119_750)).toBeNull();
    expect(timerAnnouncement(250, -1)).toBe('up');
    expect(timerAnnouncement(-1, -250)).toBeNull();
    // A timer started with less than a minute says only that the time is up.
    expect(timerAnnouncement(30_000, 29_750)).toBeNull();
  });
});

describe('a bilingual text', () => {
  it('falls back to the other language', () => {
    expect(localizedText({ fr: 'Sécurité', en: '' }, 'en')).toEqual({
      text: 'Sécurité',
      lang: 'fr',
    });
    expect(localizedText({ fr: 'Sécurité', en: 'Security' }, 'en')).toEqual({
      text: 'Security',
      lang: 'en',
    });
  });
});
