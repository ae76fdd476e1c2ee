import {
  createUserId,
  type Editor,
  getDefaultUserPresence,
  InstancePresenceRecordType,
  react,
  type TLInstancePresence,
  UserRecordType,
} from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import type { Identity } from '../sync/identity.ts';
import type { BoardView, Ghost, PeerInfo } from './BoardView.ts';
import { type AwarenessState, type DragState, readPeer } from './readPeer.ts';

/** Cursor and camera updates go out at most this often. */
const PUBLISH_MS = 50;
/** Scribbles (laser pointer) are cut to their last points, to keep presence messages small. */
const MAX_SCRIBBLE_POINTS = 120;

/**
 * Presence over y-websocket awareness: this tab's tldraw presence (cursor, camera, selection) goes
 * out through awareness, and every peer's becomes a TLInstancePresence record in the store, which
 * is what tldraw draws collaborator cursors from and what `startFollowingUser` follows. Drags in
 * progress travel the same way (no document write per pointer move).
 */
export class PresenceBinding {
  private readonly editor: Editor;
  private readonly awareness: Awareness;
  private readonly view: BoardView;
  private readonly stopReacting: () => void;
  private publishTimer: ReturnType<typeof setTimeout> | null = null;
  private latest: AwarenessState['presence'] = null;
  /** When each peer last moved, on our clock (peers' clocks may differ from ours). */
  private readonly activity = new Map<number, { key: string; at: number }>();
  /** Peers whose presence tldraw refused, told once in the console rather than at every move. */
  private readonly refused = new Set<number>();
  private draggedCards: DragState['cards'] = [];
  private draggedItems: NonNullable<DragState['items']> = [];

  constructor(editor: Editor, awareness: Awareness, view: BoardView, identity: Identity) {
    this.editor = editor;
    this.awareness = awareness;
    this.view = view;
    this.setUser(identity);
    const user = UserRecordType.create({
      id: createUserId(identity.id),
      name: identity.name,
      color: identity.color,
    });
    this.stopReacting = react('publish presence', () => {
      const presence = getDefaultUserPresence(editor.store, {
        ...user,
        name: editor.user.getName(),
        color: editor.user.getColor(),
      });
      this.latest = presence ? trimScribbles(presence) : null;
      this.schedulePublish();
    });
    awareness.on('change', this.onChange);
    this.onChange();
  }

  setUser(identity: Identity): void {
    this.awareness.setLocalStateField('user', {
      id: identity.id,
      name: identity.name,
      color: identity.color,
    });
  }

  /** The cards this tab is dragging (none: null). */
  setDrag(drag: DragState | null): void {
    this.draggedCards = drag?.cards ?? [];
    this.publishDrag();
  }

  /** The roadmap items' bars this tab is moving or stretching. */
  setItemDrag(items: NonNullable<DragState['items']>): void {
    this.draggedItems = items;
    this.publishDrag();
  }

  private publishDrag(): void {
    const cards = this.draggedCards;
    const items = this.draggedItems;
    const drag: DragState | null =
      cards.length === 0 && items.length === 0
        ? null
        : items.length === 0
          ? { cards }
          : { cards, items };
    this.awareness.setLocalStateField('drag', drag);
  }

  dispose(): void {
    this.stopReacting();
    if (this.publishTimer) clearTimeout(this.publishTimer);
    this.awareness.off('change', this.onChange);
    this.awareness.setLocalStateField('presence', null);
    this.awareness.setLocalStateField('drag', null);
    const ids = this.editor.store.query
      .records('instance_presence')
      .get()
      .map((r) => r.id);
    this.editor.store.mergeRemoteChanges(() => this.editor.store.remove(ids));
  }

  private schedulePublish(): void {
    if (this.publishTimer) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      this.awareness.setLocalStateField('presence', this.latest);
    }, PUBLISH_MS);
  }

  private readonly onChange = (): void => {
    const states = this.awareness.getStates() as Map<number, unknown>;
    const self = this.awareness.clientID;
    const now = Date.now();
    const records: TLInstancePresence[] = [];
    const peers: PeerInfo[] = [];
    const ghosts: Ghost[] = [];
    for (const [clientId, raw] of states) {
      if (clientId === self) continue;
      // A peer's state is untrusted input: read field by field, and skip what does not fit.
      const state = readPeer(raw);
      if (!state) continue;
      const { user } = state;
      if (!peers.some((p) => p.userId === user.id)) {
        peers.push({
          clientId,
          userId: user.id,
          name: user.name,
          color: user.color,
          ...(user.accountId ? { accountId: user.accountId } : {}),
        });
      }
      if (state.drag) {
        ghosts.push({
          clientId,
          name: user.name,
          color: user.color,
          cards: state.drag.cards,
          items: state.drag.items ?? [],
        });
      }
      const presence = state.presence;
      if (!presence) continue;
      const key = JSON.stringify([presence.cursor, presence.camera, presence.selectedShapeIds]);
      const seen = this.activity.get(clientId);
      if (!seen || seen.key !== key) this.activity.set(clientId, { key, at: now });
      try {
        // tldraw's own validator: a record it refuses is never put, so never drawn.
        records.push(
          InstancePresenceRecordType.validate(
            InstancePresenceRecordType.create({
              ...presence,
              id: InstancePresenceRecordType.createId(String(clientId)),
              userId: createUserId(user.id),
              userName: user.name,
              color: user.color,
              lastActivityTimestamp: this.activity.get(clientId)?.at ?? now,
            }),
          ),
        );
      } catch (error) {
        if (!this.refused.has(clientId)) console.warn('peer presence refused', clientId, error);
        this.refused.add(clientId);
      }
    }
    for (const clientId of this.activity.keys()) {
      if (!states.has(clientId)) this.activity.delete(clientId);
    }
    for (const clientId of this.refused) {
      if (!states.has(clientId)) this.refused.delete(clientId);
    }
    peers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.clientId - b.clientId));
    this.view.peers.set(peers);
    this.view.ghosts.set(ghosts);

    const store = this.editor.store;
    const keep = new Set(records.map((r) => r.id));
    const stale = store.query
      .records('instance_presence')
      .get()
      .filter((r) => !keep.has(r.id))
      .map((r) => r.id);
    store.mergeRemoteChanges(() => {
      for (const record of records) {
        try {
          store.put([record]);
        } catch (error) {
          console.warn('peer presence refused', record.id, error);
        }
      }
      if (stale.length > 0) store.remove(stale);
    });
  };
}

function trimScribbles(
  presence: NonNullable<ReturnType<typeof getDefaultUserPresence>>,
): AwarenessState['presence'] {
  return {
    ...presence,
    scribbles: presence.scribbles.map((s) => ({
      ...s,
      points: s.points.slice(-MAX_SCRIBBLE_POINTS),
    })),
  };
}
