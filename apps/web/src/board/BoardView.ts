import {
  docRoots,
  type RecordProblem,
  type Roadmap,
  readSchemaVersion,
  readTolerant,
  SCHEMA_VERSION,
} from '@fdr/model';
import { atom } from 'tldraw';
import type * as Y from 'yjs';
import type { Lang } from '../i18n/strings.ts';
import { type BoardLayout, computeLayout } from './layout.ts';

/** `empty`: the doc holds no roadmap yet (not synced, or not a board). */
export type DocStatus = 'empty' | 'ready' | 'too-new';

export interface PeerInfo {
  /** Awareness client id (one per tab). */
  clientId: number;
  userId: string;
  name: string;
  color: string;
  /** The signed-in account behind the peer (stamped by the server); absent for a guest. */
  accountId?: string;
}

export interface Ghost {
  clientId: number;
  name: string;
  color: string;
  cards: { cardId: string; x: number; y: number }[];
  items: { itemId: string; x: number; y: number; w: number }[];
}

/**
 * The model side of an open board, shared by the canvas and the React UI around it: the roadmap
 * read from the Y.Doc (`readTolerant`: one bad record never blanks the board), its layout, and what the presence layer learned about peers.
 * Values are tldraw atoms so components re-render through `useValue`.
 */
export class BoardView {
  readonly doc: Y.Doc;
  readonly status = atom<DocStatus>('doc status', 'empty');
  readonly roadmap = atom<Roadmap | null>('roadmap', null);
  /** Records the tolerant read repaired or left out: the page says so instead of going blank. */
  readonly problems = atom<readonly RecordProblem[]>('read problems', []);
  readonly layout = atom<BoardLayout | null>('layout', null);
  readonly locale = atom<Lang>('locale', 'fr');
  /** Clock for the "stale" marker; ticks every few minutes. */
  readonly now = atom<number>('now', Date.now());
  readonly peers = atom<PeerInfo[]>('peers', []);
  readonly ghosts = atom<Ghost[]>('ghosts', []);

  private readonly listeners = new Set<() => void>();
  private readonly roots;
  private scheduled = false;
  private readonly clock: ReturnType<typeof setInterval>;

  /** How the roadmap is laid out; a comparison adds room for the cards' old places. */
  private readonly layoutOf: (roadmap: Roadmap) => BoardLayout;

  constructor(doc: Y.Doc, options: { layoutOf?: (roadmap: Roadmap) => BoardLayout } = {}) {
    this.doc = doc;
    this.layoutOf = options.layoutOf ?? computeLayout;
    this.roots = docRoots(doc);
    for (const root of this.modelRoots()) root.observeDeep(this.schedule);
    this.clock = setInterval(() => {
      this.now.set(Date.now());
      this.notify();
    }, 5 * 60_000);
    this.refresh();
  }

  /** Called after every refresh of the roadmap (the canvas re-projects its cards). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-reads the doc now (normally batched: one read per burst of transactions). */
  refresh(): void {
    this.scheduled = false;
    const version = readSchemaVersion(this.doc);
    if (version === 0) {
      this.status.set('empty');
    } else if (version > SCHEMA_VERSION) {
      this.status.set('too-new');
    } else if (version === SCHEMA_VERSION) {
      const { roadmap, problems } = readTolerant(this.doc);
      this.roadmap.set(roadmap);
      if (problems.length > 0 || this.problems.get().length > 0) this.problems.set(problems);
      this.layout.set(this.layoutOf(roadmap));
      this.status.set('ready');
    }
    // An older schema is migrated by the server before clients sync; wait for it.
    this.notify();
  }

  dispose(): void {
    clearInterval(this.clock);
    for (const root of this.modelRoots()) root.unobserveDeep(this.schedule);
    this.listeners.clear();
  }

  private modelRoots() {
    const r = this.roots;
    // Annotations are left out: they change at drawing speed and the roadmap does not show them.
    return [r.meta, r.domains, r.phases, r.periods, r.cards, r.items, r.checkinLog];
  }

  private readonly schedule = (): void => {
    if (this.scheduled) return;
    this.scheduled = true;
    // A microtask, not a frame: hidden tabs throttle timers and frames, and peers must see moves fast.
    queueMicrotask(() => {
      if (this.scheduled) this.refresh();
    });
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
