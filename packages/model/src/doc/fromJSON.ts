import * as Y from 'yjs';
import { loadRoadmap } from './loadRoadmap.ts';

export const FROM_JSON_ORIGIN = 'fdr:fromJSON';

/**
 * Builds a new Y.Doc from a roadmap document, validating it first (a ModelError names the first
 * problem). The doc has fresh history: it cannot be merged with docs the JSON was exported from.
 */
export function fromJSON(json: unknown, origin: unknown = FROM_JSON_ORIGIN): Y.Doc {
  const doc = new Y.Doc();
  loadRoadmap(doc, json, origin);
  return doc;
}
