import { collectDefaultMetrics, Registry } from 'prom-client';
import { SyncMetrics, type SyncSources } from './SyncMetrics.ts';

export interface Metrics {
  /** This server's own registry: several servers in one process (tests) never share one. */
  registry: Registry;
  sync: SyncMetrics;
}

/** The registry `GET /metrics` serves: Node's process metrics and the sync server's. */
export function createMetrics(sources: SyncSources): Metrics {
  const registry = new Registry();
  // Node's standard metrics keep their usual names (process_*, nodejs_*, the event-loop lag as
  // nodejs_eventloop_lag_*), so ready-made Node.js dashboards read them unchanged. They are
  // computed at scrape time; only the event-loop delay monitor runs between scrapes.
  collectDefaultMetrics({ register: registry });
  return { registry, sync: new SyncMetrics(registry, sources) };
}
