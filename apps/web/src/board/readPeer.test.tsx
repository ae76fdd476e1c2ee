import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardView, type PeerInfo } from './BoardView.ts';
import { PeopleBar } from './PeopleBar.tsx';
import { FALLBACK_COLOUR, readPeer } from './readPeer.ts';

const GOOD = {
  user: { id: 'u-1', name: 'Camille Conseil', color: '#1f4e79' },
  // tldraw's instance presence as the canvas publishes it.
  presence: {
    userId: 'user:u-1',
    userName: 'Camille Conseil',
    lastActivityTimestamp: 1,
    color: '#1f4e79',
    camera: { x: 0, y: 0, z: 1 },
    selectedShapeIds: [],
    currentPageId: 'page:page',
    brush: null,
    scribbles: [],
    screenBounds: { x: 0, y: 0, w: 1440, h: 900 },
    followingUserId: null,
    cursor: { x: 1, y: 2, type: 'default', rotation: 0 },
    chatMessage: '',
    meta: {},
  },
  drag: { cards: [{ cardId: 'card-security', x: 10, y: 20 }] },
};

/** States another client could send: each breaks one assumption the page used to make. */
const HOSTILE: [string, unknown][] = [
  ['a name that is an object', { user: { id: 'u-2', name: { evil: 1 }, color: '#000000' } }],
  ['a name that is a number', { user: { id: 'u-3', name: 42, color: '#000000' } }],
  ['a name that is an array', { user: { id: 'u-4', name: ['a', 'b'], color: '#000000' } }],
  ['an empty name', { user: { id: 'u-5', name: '   ', color: '#000000' } }],
  ['an id that is an object', { user: { id: { toString: 1 }, name: 'X', color: '#000000' } }],
  ['no id', { user: { name: 'X', color: '#000000' } }],
  ['a user that is a string', { user: 'Mallory' }],
  ['a user that is null', { user: null }],
  ['a state that is a string', 'hello'],
  ['a state that is an array', [1, 2, 3]],
  ['a state that is a number', 7],
  ['a null state', null],
];

describe('readPeer', () => {
  it('reads a well-formed state as the page wrote it', () => {
    expect(readPeer(GOOD)).toEqual({
      user: GOOD.user,
      presence: GOOD.presence,
      drag: GOOD.drag,
    });
  });

  it.each(HOSTILE)('leaves out a peer with %s', (_, state) => {
    expect(readPeer(state)).toBeNull();
  });

  it('cleans a name to one bounded line and replaces a colour that is not #rrggbb', () => {
    const peer = readPeer({
      user: { id: 'u-6', name: `  Eve\n\t${'x'.repeat(200)}`, color: 'url(https://evil.test/x)' },
    });
    expect(peer?.user.name).toBe(`Eve ${'x'.repeat(56)}`);
    expect(peer?.user.color).toBe(FALLBACK_COLOUR);
    expect(readPeer({ user: { id: 'u-7', name: 'E', color: 12 } })?.user.color).toBe(
      FALLBACK_COLOUR,
    );
  });

  it('keeps the account id the server stamped, and leaves out one that is not a short string', () => {
    expect(readPeer({ user: { ...GOOD.user, accountId: 'acc-1' } })?.user.accountId).toBe('acc-1');
    for (const accountId of [7, { id: 'x' }, '', 'x'.repeat(201)]) {
      const peer = readPeer({ user: { ...GOOD.user, accountId } });
      expect(peer?.user.name).toBe('Camille Conseil');
      expect(peer?.user.accountId).toBeUndefined();
    }
  });

  it('drops presence and drag parts that do not fit, and keeps the person', () => {
    const base = { user: GOOD.user };
    const badCursor = { ...GOOD.presence, cursor: { x: 1, y: 2, type: 'evil', rotation: 0 } };
    for (const presence of [[1, 2], 'cursor', 3, null, badCursor]) {
      expect(readPeer({ ...base, presence })?.presence).toBeNull();
    }
    for (const drag of [{ cards: 'all' }, { cards: null }, { cards: { 0: 'x' } }, 'drag', null]) {
      expect(readPeer({ ...base, drag })?.drag).toBeNull();
    }
    // One bad card spoils the drag (the model's rule, as the server applies it); the person stays.
    for (const bad of [{ cardId: { evil: 1 }, x: 1, y: 2 }, { cardId: 'b', x: '1', y: 2 }, null]) {
      const peer = readPeer({ ...base, drag: { cards: [{ cardId: 'a', x: 1, y: 2 }, bad] } });
      expect(peer?.drag).toBeNull();
      expect(peer?.user.name).toBe('Camille Conseil');
    }
    expect(readPeer({ ...base, drag: { cards: [] } })?.drag).toBeNull();
  });
});

describe('the people bar with hostile peers', () => {
  const views: BoardView[] = [];
  afterEach(() => {
    for (const view of views.splice(0)) view.dispose();
  });

  it('renders the good peers and nothing of the others', () => {
    const view = new BoardView(new Y.Doc());
    views.push(view);
    const states: unknown[] = [GOOD, ...HOSTILE.map(([, state]) => state)];
    const peers: PeerInfo[] = [];
    for (const [index, state] of states.entries()) {
      const peer = readPeer(state);
      if (peer) peers.push({ clientId: index, userId: peer.user.id, ...peer.user });
    }
    view.peers.set(peers);
    const html = renderToStaticMarkup(
      <PeopleBar
        view={view}
        editor={null}
        identity={{ id: 'me', name: 'Moi', color: '#00695c' }}
        onRename={() => {}}
        lang="fr"
      />,
    );
    expect(html).toContain('Camille Conseil');
    expect(html.match(/data-testid="follow"/g)).toHaveLength(1);
  });
});
