import { BOARD_TITLE_MAX } from '../limits.ts';
import {
  expectId,
  expectInteger,
  expectLocalized,
  expectObject,
  expectOneOf,
  expectOnlyKeys,
} from './expect.ts';
import type { Locale, Localized } from './localized.ts';

export type BoardSettings = {
  /** A card whose latest check-in is older than this is shown as stale. */
  readonly staleAfterDays: number;
  readonly defaultLocale: Locale;
};

export const DEFAULT_BOARD_SETTINGS: BoardSettings = { staleAfterDays: 60, defaultLocale: 'fr' };

export type BoardRecord = {
  readonly id: string;
  readonly title: Localized;
  readonly settings: BoardSettings;
};

export function validateBoardSettings(value: unknown, path: string): BoardSettings {
  const object = expectObject(value, path);
  expectOnlyKeys(object, ['staleAfterDays', 'defaultLocale'], path);
  return {
    staleAfterDays: expectInteger(object.staleAfterDays, `${path}.staleAfterDays`, 1, 3650),
    defaultLocale: expectOneOf(object.defaultLocale, ['fr', 'en'], `${path}.defaultLocale`),
  };
}

export function validateBoard(value: unknown, path = 'board'): BoardRecord {
  const object = expectObject(value, path);
  expectOnlyKeys(object, ['id', 'title', 'settings'], path);
  return {
    id: expectId(object.id, `${path}.id`),
    title: expectLocalized(object.title, `${path}.title`, { required: true, max: BOARD_TITLE_MAX }),
    settings: validateBoardSettings(object.settings, `${path}.settings`),
  };
}
