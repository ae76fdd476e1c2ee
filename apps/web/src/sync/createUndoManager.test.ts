import { fromJSON, moveCard, templateRoadmap, toJSON, updateCard } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoManager } from './createUndoManager.ts';

/** Two peers on one board, every update delivered at once both ways. */
function twoPeers() {
  const a = fromJSON(templateRoadmap());
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(b, u, 'net'),
  );
  b.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(a, u, 'net'),
  );
  return { a, b };
}

const card = (doc: Y.Doc, id: string) => toJSON(doc).cards.find((c) => c.id === id)!;

describe('createUndoManager', () => {
  it("undoes the local user's edit and leaves a peer's edit made in between", () => {
    const { a, b } = twoPeers();
    const mine = { user: 'a' };
    const undo = createUndoManager(a, [mine]);
    updateCard(a, { id: 'card-security', title: { en: 'Security (renamed)' } }, mine);
    moveCard(
      b,
      { id: 'card-open-data', domainId: 'domain-digital-skills', phaseId: 'phase-2' },
      {
        user: 'b',
      },
    );
    expect(card(a, 'card-open-data').domainId).toBe('domain-digital-skills');

    undo.undo();
    expect(card(a, 'card-security').title.en).toBe('Security');
    expect(card(b, 'card-security').title.en).toBe('Security');
    // The peer's move survives the undo, on both sides.
    expect(card(a, 'card-open-data')).toMatchObject({
      domainId: 'domain-digital-skills',
      phaseId: 'phase-2',
    });
    undo.redo();
    expect(card(b, 'card-security').title.en).toBe('Security (renamed)');
  });

  it('has nothing to undo after only remote edits', () => {
    const { a, b } = twoPeers();
    const undo = createUndoManager(a, [{ user: 'a' }]);
    updateCard(b, { id: 'card-security', title: { fr: 'Sécurité' } }, { user: 'b' });
    expect(undo.canUndo()).toBe(false);
    undo.undo();
    expect(card(a, 'card-security').title.fr).toBe('Sécurité');
  });

  it('tracks annotations and ignores untracked origins such as a schema write', () => {
    const { a } = twoPeers();
    const mine = { user: 'a' };
    const undo = createUndoManager(a, [mine]);
    a.transact(() => a.getMap('annotations').set('shape:x', { id: 'shape:x' }), mine);
    a.transact(() => a.getMap('meta').set('annotationsSchema', { v: 1 }), 'schema');
    undo.undo();
    expect(a.getMap('annotations').has('shape:x')).toBe(false);
    expect(a.getMap('meta').get('annotationsSchema')).toEqual({ v: 1 });
  });
});
