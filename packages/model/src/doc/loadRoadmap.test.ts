import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { templateRoadmap } from '../template/templateRoadmap.ts';
import { catchModelError } from '../test/catchModelError.ts';
import { smallRoadmap } from '../test/smallRoadmap.ts';
import { loadRoadmap } from './loadRoadmap.ts';
import { migrateDoc } from './migrations.ts';
import { toJSON } from './toJSON.ts';

describe('loadRoadmap', () => {
  it('fills a migrated but empty board, keeping canvas notes already there', () => {
    const doc = new Y.Doc();
    doc.getMap('annotations').set('shape:early', { id: 'shape:early' });
    migrateDoc(doc, 'server');
    loadRoadmap(doc, templateRoadmap(), 'server');
    const state = toJSON(doc);
    expect(state.cards).toHaveLength(33);
    expect(Object.keys(state.annotations.records)).toEqual(['shape:early']);
  });

  it('refuses to overwrite a board that holds records, and writes nothing', () => {
    const doc = new Y.Doc();
    loadRoadmap(doc, smallRoadmap(), 'server');
    const before = Y.encodeStateAsUpdate(doc);
    expect(catchModelError(() => loadRoadmap(doc, templateRoadmap(), 'server')).code).toBe(
      'invalid-document',
    );
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
