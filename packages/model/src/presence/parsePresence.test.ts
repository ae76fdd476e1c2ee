import { describe, expect, it } from 'vitest';
import { parsePresence, parsePresencePart } from './parsePresence.ts';

/** What a tab of the web app publishes while its user points at the canvas and drags a card. */
function published() {
  return {
    user: { id: '5f0c6a2e-8d0b-4a51-9b1e-0c9a2f7e3d11', name: 'Alice Tremblay', color: '#1f4e79' },
    presence: {
      selectedShapeIds: ['shape:card-1'],
      brush: null,
      scribbles: [
        {
          id: 'laser-1',
          points: [
            { x: 1, y: 2 },
            { x: 3, y: 4, z: 0.5 },
          ],
          size: 4,
          color: 'laser',
          opacity: 0.7,
          state: 'active',
          delay: 0,
          shrink: 0.1,
          taper: true,
        },
      ],
      userId: 'user:5f0c6a2e-8d0b-4a51-9b1e-0c9a2f7e3d11',
      userName: 'Alice Tremblay',
      followingUserId: null,
      camera: { x: -10, y: 20.5, z: 1 },
      color: '#1f4e79',
      currentPageId: 'page:page',
      cursor: { x: 100, y: 200, rotation: 0, type: 'default' },
      lastActivityTimestamp: 1_700_000_000_000,
      screenBounds: { x: 0, y: 0, w: 1280, h: 720 },
      chatMessage: '',
      meta: {},
    },
    drag: { cards: [{ cardId: 'card-1', x: 10, y: 20 }] },
  };
}

describe('parsePresence', () => {
  it('keeps a state the web app publishes, field for field', () => {
    expect(parsePresence(published())).toEqual(published());
  });

  it('accepts a tab that has just connected, and cleared presence and drag', () => {
    expect(parsePresence({})).toEqual({});
    expect(parsePresence({ presence: null, drag: null })).toEqual({ presence: null, drag: null });
  });

  it('keeps the roadmap items being dragged, and only their fields', () => {
    const state = {
      ...published(),
      drag: { cards: [], items: [{ itemId: 'item-1', x: 5, y: 6, w: 300, extra: 1 }] },
    };
    expect(parsePresence(state)?.drag).toEqual({
      cards: [],
      items: [{ itemId: 'item-1', x: 5, y: 6, w: 300 }],
    });
  });

  it('keeps the account id the server stamps on a user', () => {
    const state = published();
    expect(parsePresence({ ...state, user: { ...state.user, accountId: 'acc-7' } })?.user).toEqual({
      ...state.user,
      accountId: 'acc-7',
    });
  });

  it('drops fields the app does not use', () => {
    expect(parsePresence({ ...published(), extra: 'x'.repeat(1000) })).toEqual(published());
  });

  it.each([
    [
      'a name that is an object',
      (s: ReturnType<typeof published>) => ({ ...s, user: { ...s.user, name: { evil: 1 } } }),
    ],
    [
      'a name longer than 256 characters',
      (s: ReturnType<typeof published>) => ({ ...s, user: { ...s.user, name: 'x'.repeat(257) } }),
    ],
    [
      'a colour that is not #rrggbb',
      (s: ReturnType<typeof published>) => ({
        ...s,
        user: { ...s.user, color: 'red;background:url(x)' },
      }),
    ],
    [
      'an empty user id',
      (s: ReturnType<typeof published>) => ({ ...s, user: { ...s.user, id: '' } }),
    ],
    [
      'an account id that is not an id',
      (s: ReturnType<typeof published>) => ({ ...s, user: { ...s.user, accountId: { id: 1 } } }),
    ],
    [
      'a cursor type tldraw does not know',
      (s: ReturnType<typeof published>) => ({
        ...s,
        presence: { ...s.presence, cursor: { ...s.presence.cursor, type: 'evil' } },
      }),
    ],
    [
      'a camera coordinate that is a string',
      (s: ReturnType<typeof published>) => ({
        ...s,
        presence: { ...s.presence, camera: { x: '0', y: 0, z: 1 } },
      }),
    ],
    [
      'a selected id that is not a shape id',
      (s: ReturnType<typeof published>) => ({
        ...s,
        presence: { ...s.presence, selectedShapeIds: ['page:x'] },
      }),
    ],
    [
      'a missing presence field',
      (s: ReturnType<typeof published>) => ({
        ...s,
        presence: { ...s.presence, currentPageId: undefined },
      }),
    ],
    [
      'a scribble with too many points',
      (s: ReturnType<typeof published>) => ({
        ...s,
        presence: {
          ...s.presence,
          scribbles: [
            {
              ...s.presence.scribbles[0],
              points: Array.from({ length: 121 }, () => ({ x: 0, y: 0 })),
            },
          ],
        },
      }),
    ],
    [
      'dragged cards that are not a list',
      (s: ReturnType<typeof published>) => ({ ...s, drag: { cards: { 0: 1 } } }),
    ],
    [
      'a dragged card without an id',
      (s: ReturnType<typeof published>) => ({ ...s, drag: { cards: [{ x: 1, y: 2 }] } }),
    ],
    [
      'a dragged item without an id',
      (s: ReturnType<typeof published>) => ({
        ...s,
        drag: { cards: [], items: [{ x: 1, y: 2, w: 3 }] },
      }),
    ],
    [
      'a dragged item of no width',
      (s: ReturnType<typeof published>) => ({
        ...s,
        drag: { cards: [], items: [{ itemId: 'i', x: 1, y: 2, w: 0 }] },
      }),
    ],
    [
      'a dragged item at an infinite place',
      (s: ReturnType<typeof published>) => ({
        ...s,
        drag: { cards: [], items: [{ itemId: 'i', x: Number.POSITIVE_INFINITY, y: 2, w: 3 }] },
      }),
    ],
    [
      'meta that is a list',
      (s: ReturnType<typeof published>) => ({ ...s, presence: { ...s.presence, meta: [] } }),
    ],
  ])('refuses %s', (_name, spoil) => {
    expect(parsePresence(spoil(published()))).toBeNull();
  });

  it('refuses what is not an object', () => {
    for (const value of [null, 'x', 1, [], true]) expect(parsePresence(value)).toBeNull();
  });

  it('reads one part at a time, for a reader that keeps the parts that fit', () => {
    const state = published();
    expect(parsePresencePart('drag', state.drag)).toEqual(state.drag);
    expect(parsePresencePart('presence', state.presence)).toEqual(parsePresence(state)?.presence);
    expect(parsePresencePart('user', { ...state.user, name: { evil: 1 } })).toBeNull();
    expect(parsePresencePart('drag', { cards: [{ cardId: 'a', x: '1', y: 2 }] })).toBeNull();
    expect(parsePresencePart('presence', undefined)).toBeNull();
  });
});
