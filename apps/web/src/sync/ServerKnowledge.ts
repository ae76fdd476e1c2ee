import * as Y from 'yjs';

/** Half-open clock ranges `[start, end)` of one client, sorted and merged. */
type Ranges = [start: number, end: number][];

export interface ServerKnowledgeJSON {
  sv: Record<string, number>;
  ds: Record<string, Ranges>;
}

/**
 * What the server is known to hold, learned only from what it sent: its state vector (sync step
 * 1), and the structs and deletions of every update it sent (sync step 2 carries its whole delete
 * set; the server echoes every stored update to its sender too). A local doc holding anything
 * outside that has changes the server has not confirmed storing: the "pending" of the sync badge.
 *
 * Deletions need their own bookkeeping: deleting a Y.Map key creates no struct, so it does not move
 * any state vector, and a state-vector comparison alone would call a pending deletion "saved".
 */
export class ServerKnowledge {
  private readonly sv = new Map<number, number>();
  private readonly ds = new Map<number, Ranges>();

  /** From the server's sync step 1. */
  addStateVector(stateVector: Uint8Array): void {
    for (const [client, clock] of Y.decodeStateVector(stateVector)) this.raiseClock(client, clock);
  }

  /** From a sync step 2 or an update the server sent. */
  addUpdate(update: Uint8Array): void {
    const { to } = Y.parseUpdateMeta(update);
    for (const [client, clock] of to) this.raiseClock(client, clock);
    const { ds } = Y.decodeUpdate(update);
    for (const [client, items] of ds.clients) {
      for (const item of items) this.addDeleted(client, item.clock, item.clock + item.len);
    }
  }

  /** True when `doc` holds nothing the server is not known to hold. */
  holdsEverythingOf(doc: Y.Doc): boolean {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      if (clock > (this.sv.get(client) ?? 0)) return false;
    }
    for (const [client, items] of Y.snapshot(doc).ds.clients) {
      const known = this.ds.get(client) ?? [];
      for (const item of items) {
        if (!covers(known, item.clock, item.clock + item.len)) return false;
      }
    }
    return true;
  }

  toJSON(): ServerKnowledgeJSON {
    return {
      sv: Object.fromEntries([...this.sv].map(([client, clock]) => [String(client), clock])),
      ds: Object.fromEntries([...this.ds].map(([client, ranges]) => [String(client), ranges])),
    };
  }

  /** Reads what `toJSON` wrote; anything malformed is ignored (it only makes more look pending). */
  static fromJSON(value: unknown): ServerKnowledge {
    const knowledge = new ServerKnowledge();
    if (typeof value !== 'object' || value === null) return knowledge;
    const { sv, ds } = value as Partial<ServerKnowledgeJSON>;
    for (const [client, clock] of Object.entries(sv ?? {})) {
      if (Number.isInteger(clock)) knowledge.raiseClock(Number(client), clock);
    }
    for (const [client, ranges] of Object.entries(ds ?? {})) {
      if (!Array.isArray(ranges)) continue;
      for (const range of ranges) {
        if (Array.isArray(range) && Number.isInteger(range[0]) && Number.isInteger(range[1])) {
          knowledge.addDeleted(Number(client), range[0], range[1]);
        }
      }
    }
    return knowledge;
  }

  private raiseClock(client: number, clock: number): void {
    if (clock > (this.sv.get(client) ?? 0)) this.sv.set(client, clock);
  }

  private addDeleted(client: number, start: number, end: number): void {
    if (end <= start) return;
    this.ds.set(client, addRange(this.ds.get(client) ?? [], start, end));
  }
}

/** Inserts `[start, end)` into sorted, merged ranges, merging what it touches. */
export function addRange(ranges: Ranges, start: number, end: number): Ranges {
  const result: Ranges = [];
  let low = start;
  let high = end;
  let placed = false;
  for (const [s, e] of ranges) {
    if (e < low) {
      result.push([s, e]);
    } else if (s > high) {
      if (!placed) {
        result.push([low, high]);
        placed = true;
      }
      result.push([s, e]);
    } else {
      low = Math.min(low, s);
      high = Math.max(high, e);
    }
  }
  if (!placed) result.push([low, high]);
  return result;
}

/** True when `[start, end)` lies inside one of the merged ranges. */
export function covers(ranges: Ranges, start: number, end: number): boolean {
  return ranges.some(([s, e]) => s <= start && end <= e);
}
