import { PRESENCE_NAME_MAX, type Presence, parsePresence } from '@fdr/model';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CloseCode, ConnectionError } from './CloseCode.ts';
import type { Fanout } from './Fanout.ts';
import { encodeAwarenessMessage } from './messages.ts';
import { PacedTask } from './PacedTask.ts';
import type { Peer } from './Peer.ts';
import { remoteOrigin } from './RemoteRelay.ts';
import {
  type AwarenessEntry,
  type AwarenessLimits,
  encodeAwarenessEntries,
  validateAwareness,
} from './validateAwareness.ts';

export interface BoardPresenceOptions {
  boardId: string;
  doc: Y.Doc;
  log: Logger;
  limits: AwarenessLimits;
  fanout?: Fanout | undefined;
  /** Everyone to send presence to. */
  peers: () => Iterable<Peer>;
  /** The pacing interval of the board now (ms). */
  interval: () => number;
}

/**
 * The presence (awareness) of a board: who owns which awareness client id, what is accepted from
 * each connection, and the paced broadcast of changes.
 *
 * Presence goes out paced like document updates: every change of the same few milliseconds in
 * one message, each client's latest state once. A crowded board otherwise sends each of its N
 * clients every other client's cursor move or 15-second renewal as a message of its own (N^2
 * messages), which the clients, not the server, pay for. With few peers the interval is under a
 * millisecond: only one turn's changes merge.
 */
export class BoardPresence {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly options: BoardPresenceOptions;
  private readonly owners = new Map<number, Peer>();
  private readonly owned = new Map<Peer, Set<number>>();
  /** Changes waiting for their (paced) broadcast, by awareness client id. */
  private readonly changed = new Set<number>();
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private readonly task: PacedTask;
  private destroyed = false;

  constructor(options: BoardPresenceOptions) {
    this.options = options;
    this.awareness = new awarenessProtocol.Awareness(options.doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
    this.task = new PacedTask(
      () => this.send(),
      () => this.lastSentAt + options.interval(),
    );
  }

  /** Clients present on the board, through any instance. */
  get size(): number {
    return this.awareness.getStates().size;
  }

  /** Everyone's presence, for one peer (a joiner, or a query-awareness). */
  sendAll(peer: Peer, always = false): void {
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0 && !always) return;
    peer.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  /**
   * The stock client relays every awareness change it sees, its peers' included. An entry for a
   * client id that another connection introduced is therefore a relay when its clock is not newer
   * than ours (dropped: we know it already), and a spoof when it is newer, unless the same
   * principal is taking its id over after a reconnect.
   */
  receive(peer: Peer, update: Uint8Array): void {
    const entries = validateAwareness(update, this.options.limits);
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId);
      const known = this.awareness.meta.get(entry.clientId)?.clock ?? -1;
      if (owner !== peer && entry.clock <= known) continue;
      if (owner && owner !== peer && owner.principal !== peer.principal) {
        throw new ConnectionError(
          CloseCode.policyViolation,
          `awareness client id ${entry.clientId} belongs to another connection`,
        );
      }
      const clean = this.clean(peer, entry);
      if (clean) accepted.push(clean);
    }
    if (accepted.length === 0) return;
    for (const entry of accepted) {
      const owner = this.owners.get(entry.clientId);
      if (owner === peer) continue;
      if (owner) this.owned.get(owner)?.delete(entry.clientId);
      this.owners.set(entry.clientId, peer);
      let owned = this.owned.get(peer);
      if (!owned) {
        owned = new Set();
        this.owned.set(peer, owned);
      }
      owned.add(entry.clientId);
    }
    const unchanged =
      accepted.length === entries.length && accepted.every((e, i) => e === entries[i]);
    const filtered = unchanged ? update : encodeAwarenessEntries(accepted);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered, peer);
  }

  /**
   * The entry with its state cut to the shape the web app reads (the same entry when nothing was
   * cut), or null when the state does not fit: one bad field (a name that is an object) would
   * otherwise break every other person's page. A removal (null state) always fits.
   */
  private clean(peer: Peer, entry: AwarenessEntry): AwarenessEntry | null {
    if (entry.state === null) return entry;
    const presence = parsePresence(entry.state);
    if (!presence) {
      this.options.log.warn(
        { peer: peer.id, clientId: entry.clientId, bytes: entry.json.length },
        'presence that does not fit the app’s shape dropped',
      );
      return null;
    }
    const named = withAccountName(presence, peer.displayName ?? null, peer.principal);
    const json = JSON.stringify(named);
    return json === entry.json ? entry : { ...entry, state: named, json };
  }

  /** Removes a departing peer's presence for everyone. */
  leave(peer: Peer): void {
    const owned = this.owned.get(peer);
    this.owned.delete(peer);
    if (!owned || owned.size === 0 || this.destroyed) return;
    for (const id of owned) this.owners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], 'leave');
  }

  private readonly onUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = change.added.concat(change.updated, change.removed);
    for (const id of change.removed) {
      const owner = this.owners.get(id);
      if (owner) this.owned.get(owner)?.delete(id);
      this.owners.delete(id);
    }
    if (changed.length === 0) return;
    if (origin !== remoteOrigin) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      this.options.fanout?.publish(this.options.boardId, 'awareness', update);
    }
    for (const id of changed) this.changed.add(id);
    if (!this.destroyed) this.task.schedule();
  };

  private send(): void {
    if (this.destroyed || this.changed.size === 0) return;
    // Removed clients keep their meta (with the clock of the removal): they encode as null.
    const ids = [...this.changed].filter((id) => this.awareness.meta.has(id));
    this.changed.clear();
    if (ids.length === 0) return;
    const message = encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
    );
    this.lastSentAt = performance.now();
    for (const peer of this.options.peers()) peer.send(message);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.task.cancel();
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }
}

/**
 * The presence with the account's name where the app shows a name (the people list, the cursor
 * label) and the account's id on its user: a signed-in person cannot appear to others under
 * someone else's name, nor claim someone else's account (a meeting's presenter is recognised by
 * it). Without an account, an account id sent by the browser is removed.
 */
export function withAccountName(
  presence: Presence,
  name: string | null,
  accountId: string | null = null,
): Presence {
  // Only a connection signed in to an account (it has the account's name) carries its id.
  const account = name === null ? null : accountId;
  let user = presence.user;
  if (user && (user.accountId !== undefined || account !== null)) {
    const { accountId: _claimed, ...rest } = user;
    user = account === null ? rest : { ...rest, accountId: account };
  }
  if (name === null)
    return user === presence.user ? presence : { ...presence, ...(user ? { user } : {}) };
  const shown = name.slice(0, PRESENCE_NAME_MAX);
  return {
    ...presence,
    ...(user ? { user: { ...user, name: shown } } : {}),
    ...(presence.presence ? { presence: { ...presence.presence, userName: shown } } : {}),
  };
}
