import { createContext, useContext } from 'react';
import type { Highlights } from './compareHighlights.ts';

/** The comparison drawn over a read-only canvas (tldraw's overlay components take no props). */
export const HighlightContext = createContext<Highlights | null>(null);

export function useHighlights(): Highlights | null {
  return useContext(HighlightContext);
}
