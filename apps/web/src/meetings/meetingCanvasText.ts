import { format } from '../i18n/format.ts';
import type { Lang } from '../i18n/strings.ts';
import { canvasMeetingStrings } from './canvasMeetingStrings.ts';
import type { LocalizedText } from './meetingApi.ts';

/** "3 votes", "1 vote": a card's dot-vote count in words, for its description. */
export function voteCountText(count: number, lang: Lang): string {
  const t = canvasMeetingStrings[lang];
  return count === 1 ? t.votesOne : format(t.votesMany, { count });
}

/** "2 of 3 votes left" / "Il vous reste 2 votes sur 3". */
export function votesLeftText(left: number, total: number, lang: Lang): string {
  const t = canvasMeetingStrings[lang];
  if (left <= 0) return format(t.voteNoneLeft, { total });
  if (left === 1) return format(t.voteLeftOne, { total });
  return format(t.votesLeft, { left, total });
}

/** Milliseconds left as `mm:ss`, rounded up so that "00:00" means the time is up. */
export function timerText(msLeft: number): string {
  const seconds = Math.max(0, Math.ceil(msLeft / 1000));
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${mm}:${ss}`;
}

/**
 * What a screen reader is told about the timer: only when one minute is left and when the time
 * is up, not every second. `previous` and `now` are the milliseconds left at two ticks.
 */
export function timerAnnouncement(previous: number, now: number): 'minute' | 'up' | null {
  if (previous > 0 && now <= 0) return 'up';
  if (previous > 60_000 && now <= 60_000 && now > 0) return 'minute';
  return null;
}

/** A text in the UI language, else the other one, with the language it is in. */
export function localizedText(text: LocalizedText, lang: Lang): { text: string; lang: Lang } {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return text[lang].trim() !== '' ? { text: text[lang], lang } : { text: text[other], lang: other };
}
