import { createContext, useContext } from 'react';
import type { Lang } from '../i18n/strings.ts';
import type { BoardConnection } from '../sync/BoardConnection.ts';
import type { BoardView } from './BoardView.ts';

export interface BoardContextValue {
  lang: Lang;
  view: BoardView;
  /** Null for a board that is not connected (a version, read-only). */
  connection: BoardConnection | null;
}

const BoardContext = createContext<BoardContextValue | null>(null);

export const BoardProvider = BoardContext.Provider;

/** The open board, for components rendered inside the canvas (cards, headers, ghosts). */
export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard must be used inside the board page');
  return value;
}
