import type * as Y from 'yjs';
import { fromJSON } from '../doc/fromJSON.ts';
import { templateRoadmap } from './templateRoadmap.ts';

export const TEMPLATE_ORIGIN = 'fdr:template';

/**
 * A new Y.Doc holding the 2016 template. Create it once per board (ids are fixed). `createdAt`:
 * when its cards came onto the board, if known (see templateRoadmap).
 */
export function createTemplateDoc(
  origin: unknown = TEMPLATE_ORIGIN,
  createdAt: string | null = null,
): Y.Doc {
  return fromJSON(templateRoadmap(createdAt), origin);
}
