import { describe, expect, it } from 'vitest';
import { parseTargetKey, targetLabel, targetName } from './targetNames.ts';

const names = new Map([
  ['card:c1', { fr: 'Sécurité', en: 'Security' }],
  ['item:i1', { fr: '', en: 'Pilot' }],
]);

describe('targets by name', () => {
  it('in the UI language, else the other', () => {
    expect(targetName({ kind: 'card', id: 'c1' }, names, 'fr')).toBe('Sécurité');
    expect(targetName({ kind: 'item', id: 'i1' }, names, 'fr')).toBe('Pilot');
  });
  it('say what is gone from the board', () => {
    expect(targetName({ kind: 'card', id: 'x' }, names, 'en')).toBe('removed card (x)');
    expect(targetLabel({ kind: 'card', id: 'c1' }, names, 'en')).toBe('Card “Security”');
  });
  it('read `kind:id` keys', () => {
    expect(parseTargetKey('item:a:b')).toEqual({ kind: 'item', id: 'a:b' });
    expect(parseTargetKey('user:u')).toBeNull();
  });
});
