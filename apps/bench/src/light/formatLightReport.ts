import type { LightResults, LightRow } from './runLight.ts';
import type { LightSetupId } from './runLightLoad.ts';

const MB = 1024 * 1024;

/** The "Light clients" section of the report, as Markdown. */
export function formatLightSection(light: LightResults): string[] {
  const { mode } = light;
  const label = (id: LightSetupId) => light.labels[id] ?? id;
  const out: string[] = [
    '### Light clients: the server’s own capacity',
    '',
    'Light protocol clients (`src/light/`) speak y-websocket over bare `ws` sockets and never apply a ' +
      'remote update: each keeps a tiny Y.Doc of its own edits only, to send valid Yjs updates (our server ' +
      'applies, guards and stores them), and finds the edits of a received message by scanning its bytes for ' +
      'the markers its value carries (`⟦editor:seq:sent µs⟧`). Clients cost the machine a socket and a byte scan ' +
      `per message, so the server saturates before them. ${mode.workers} client worker threads; fresh server ` +
      `processes for every point; ${(mode.warmupMs / 1000).toFixed(0)} s of warm-up. Latency over every ` +
      '(edit, receiving client of the same board) pair of the window; an edit that never arrived counts as ' +
      'infinitely late. Server CPU in % of one core (both instances summed; PostgreSQL and Redis in brackets); ' +
      "client CPU: the harness process (every client thread). Waiting for a core: time the server's event-loop " +
      "thread (summed over instances) and the harness's threads (summed) were runnable but not running, in % " +
      'of the window (`/proc/<pid>/schedstat`): the machine, not their own work, holding them back. Clients busy: event-loop utilisation of the ' +
      'client threads (100%: the clients, not the server, set the pace). The raw relay forwards every message ' +
      'to every other client of the same path at once, with no Yjs, no storage and no batching: a floor at ' +
      'small sizes, while it sends one message per edit per client where ours merges a board’s edits into ' +
      `fewer messages. Every server setting at its default. Open-file limit of the harness: ${light.fileLimit}. ` +
      'Other CPU: every other process on the machine during the window; each point waits for a quiet ' +
      `machine first (up to ${(mode.quietWaitMs / 1000).toFixed(0)} s) and is measured again, up to ` +
      `${mode.remeasure + 1} attempts, when others used over ${mode.noiseLimitPercent}% of a core (the quietest kept).`,
    '',
    ...(mode.serverEnv && Object.keys(mode.serverEnv).length > 0
      ? [
          `Not the defaults: our servers ran with ${Object.entries(mode.serverEnv)
            .map(([k, v]) => `\`${k}=${v}\``)
            .join(', ')}.`,
          '',
        ]
      : []),
    `#### N editors x ${mode.editsPerSecond} edits/s on one board`,
    '',
    `Ramp: a setup stops after the first point over ${mode.stopP99Ms} ms p99 once ${mode.targetEditors} ` +
      `editors are measured, at a p99 over ${ms(mode.giveUpP99Ms)}, or over ${(mode.maxServerRssBytes / MB).toFixed(0)} MB ` +
      `of server RSS; ours, past that p99 before the target, skip to the ${mode.targetEditors}-editor point ` +
      `(its verdict rests on a measured number) and stop there; ${(mode.measureMs / 1000).toFixed(0)} s measured.`,
    '',
    ...table(
      light.rows.filter((r) => r.measure === 'one-board'),
      label,
      false,
    ),
    '',
    'Ramps stopped: ' +
      Object.entries(light.stops)
        .map(([id, why]) => `${label(id as LightSetupId)}: ${why}`)
        .join('; ') +
      '.',
    '',
    `#### ${mode.manyClients.toLocaleString('en')} clients over ${mode.manyBoards.toLocaleString('en')} boards`,
    '',
    `${mode.manyClients / mode.manyBoards} clients per board, each editing every ` +
      `${(1 / mode.manyEditsPerSecond).toFixed(0)} s (random phase), presence renewed every 15 s; ` +
      `${(mode.manyMeasureMs / 1000).toFixed(0)} s measured. "RSS connected": the server once every ` +
      'client is connected and synced, before editing.',
    '',
    ...table(
      light.rows.filter((r) => r.measure === 'many-boards'),
      label,
      true,
    ),
    '',
    ...targets(light, label),
  ];
  if (light.errors.length > 0)
    out.push('', 'Failed points:', '', ...light.errors.map((e) => `- ${e}`));
  return out;
}

function table(rows: LightRow[], label: (id: LightSetupId) => string, many: boolean): string[] {
  const out = [
    `| ${many ? 'Clients / boards' : 'Editors'} | Setup | p50 | p95 | p99 | max | Edits/s sustained (offered) | Not delivered | Server CPU | Client CPU (busy) | Server RSS connected | Server RSS max | Messages per client per s (presence) | Waiting for a core: server (clients) | Connect | Disconnects | Other CPU (attempts) |`,
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const offered = row.clients * row.editsPerSecond;
    out.push(
      `| ${many ? `${row.clients.toLocaleString('en')} / ${row.boards.toLocaleString('en')}` : row.clients} | ${label(row.setup)} | ` +
        `${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${ms(row.max)} | ` +
        `${row.sustainedEditsPerSecond.toFixed(0)} (${offered.toFixed(0)}) | ${row.incompleteEdits} | ` +
        `${row.serverCpuPercent.toFixed(0)}%${row.setup === 'ours-pg-redis' ? ` (+ ${Math.max(0, row.servicesCpuPercent).toFixed(0)}%)` : ''} | ` +
        `${row.clientCpuPercent.toFixed(0)}% (${(row.clientBusy * 100).toFixed(0)}%) | ` +
        `${(row.serverRssConnectedBytes / MB).toFixed(0)} MB | ${(row.serverRssMaxBytes / MB).toFixed(0)} MB | ` +
        `${row.messagesPerClientPerSecond.toFixed(1)} (${row.presencePerClientPerSecond.toFixed(1)}) | ` +
        `${pct(row.serverRunDelayPercent)} (${pct(row.clientRunDelayPercent)}) | ` +
        `${(row.connectMs / 1000).toFixed(1)} s | ${row.disconnects}${closes(row.closeReasons)} | ` +
        `${row.otherCpuPercent.toFixed(0)}% (${row.attempts ?? 1}) |`,
    );
  }
  return out;
}

function targets(light: LightResults, label: (id: LightSetupId) => string): string[] {
  const out = ['| Target | Setup | Result | |', '| --- | --- | --- | --- |'];
  const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : 'missed');
  for (const id of ['ours-sqlite', 'ours-pg-redis'] as const) {
    if (!light.mode.setups.includes(id)) continue;
    const at1000 = light.rows.find(
      (r) => r.setup === id && r.measure === 'one-board' && r.clients === 1000,
    );
    out.push(
      `| 1,000 editors on one board at p99 < 100 ms | ${label(id)} | ${at1000 ? ms(at1000.p99) : 'not run'} | ${verdict(at1000 ? at1000.p99 < 100 : null)} |`,
    );
  }
  for (const id of ['ours-sqlite', 'ours-pg-redis'] as const) {
    if (!light.mode.setups.includes(id)) continue;
    const many = light.rows.find(
      (r) => r.setup === id && r.measure === 'many-boards' && r.clients >= 10_000,
    );
    // The target is memory with every client connected; latency and losses are said beside it.
    out.push(
      `| 10,000 connected clients over 1,000 boards in < 1 GiB RSS | ${label(id)} | ${many ? `${(many.serverRssConnectedBytes / MB).toFixed(0)} MB connected, ${(many.serverRssMaxBytes / MB).toFixed(0)} MB max; p99 ${ms(many.p99)}, ${many.incompleteEdits} edits not delivered everywhere, ${many.disconnects} clients closed by the server` : 'not run'} | ${verdict(many ? many.serverRssMaxBytes < 1024 * MB : null)} |`,
    );
  }
  return out;
}

/** Close codes the server sent, counted, with one reason of each as an example. */
function closes(reasons: Record<string, number>): string {
  const byCode = new Map<string, { n: number; example: string }>();
  for (const [reason, n] of Object.entries(reasons)) {
    const code = reason.split(' ', 1)[0]!;
    const entry = byCode.get(code) ?? { n: 0, example: reason.slice(code.length + 1) };
    entry.n += n;
    byCode.set(code, entry);
  }
  if (byCode.size === 0) return '';
  const list = [...byCode].map(([code, { n, example }]) => `${n} x ${code}, e.g. "${example}"`);
  return ` (${list.join('; ')})`;
}

/** A percentage, or n/a for rows saved before it was measured. */
function pct(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(0)}%`;
}

function ms(value: number | null): string {
  if (value === null || value === Number.POSITIVE_INFINITY) return 'never (undelivered)';
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
}
