import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveCard } from '../commands/moveCard.ts';
import { recordCheckin } from '../commands/recordCheckin.ts';
import { renameDomain } from '../commands/renameDomain.ts';
import { createTemplateDoc } from '../template/createTemplateDoc.ts';
import { replaceContent } from './replaceContent.ts';
import { toJSON } from './toJSON.ts';

describe('replaceContent (restoring a version)', () => {
  it('brings the doc back to the version in one forward update that peers apply', () => {
    const live = createTemplateDoc();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(live));
    const before = toJSON(version);

    const state = toJSON(live);
    const card = state.cards[0]!;
    const otherDomain = state.domains.find((d) => d.id !== card.domainId)!;
    moveCard(live, { id: card.id, domainId: otherDomain.id, phaseId: card.phaseId }, 'me');
    renameDomain(live, { id: otherDomain.id, label: { fr: 'Renommé', en: 'Renamed' } }, 'me');
    recordCheckin(live, { cardId: card.id, status: 'at-risk', author: 'Ada' }, 'me');
    live
      .getMap('annotations')
      .set('shape:note1', { id: 'shape:note1', typeName: 'shape', type: 'note' });
    expect(toJSON(live)).not.toEqual(before);

    const updates: Uint8Array[] = [];
    live.on('update', (u: Uint8Array) => updates.push(u));
    replaceContent(live, version, 'restore');
    expect(updates).toHaveLength(1);
    expect(toJSON(live)).toEqual(before);

    // A peer that saw the edits receives the restore as an ordinary update.
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));
    expect(toJSON(peer)).toEqual(before);
  });

  it('writes nothing when the doc already equals the version', () => {
    const live = createTemplateDoc();
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(live));
    let updates = 0;
    live.on('update', () => updates++);
    replaceContent(live, version, 'restore');
    expect(updates).toBe(0);
  });
});
