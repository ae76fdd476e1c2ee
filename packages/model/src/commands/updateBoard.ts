import type * as Y from 'yjs';
import { setField } from '../doc/fields.ts';
import { META } from '../doc/layout.ts';
import { type BoardSettings, validateBoardSettings } from '../records/board.ts';
import type { Localized } from '../records/localized.ts';
import { docRoots, mergeText, readState, write } from './commandSupport.ts';

export type UpdateBoardInput = {
  readonly title?: Partial<Localized>;
  readonly settings?: Partial<BoardSettings>;
};

export function updateBoard(doc: Y.Doc, input: UpdateBoardInput, origin: unknown): void {
  const { board } = readState(doc);
  const title = mergeText(board.title, input.title, 'title', true);
  const settings = validateBoardSettings({ ...board.settings, ...input.settings }, 'settings');
  const { meta } = docRoots(doc);
  write(doc, origin, () => {
    setField(meta, `${META.title}.fr`, title.fr);
    setField(meta, `${META.title}.en`, title.en);
    setField(meta, META.staleAfterDays, settings.staleAfterDays);
    setField(meta, META.defaultLocale, settings.defaultLocale);
  });
}
