/**
 * Versions: the size of a version of the 2016 template board, and the time to compare two
 * versions of a 500-card board, the way the web app asks for it (HTTP, SQLite, the model's diff).
 * Run: pnpm --filter @fdr/server bench:versions  (or node bench/versions.bench.ts [runs]).
 * Not a test: it prints numbers, it asserts nothing about time.
 */
import { cpus } from 'node:os';
import {
  archiveCard,
  keysBetween,
  latestStatus,
  moveCard,
  type Roadmap,
  type RoadmapCard,
  recordCheckin,
  templateRoadmap,
  updateCard,
} from '@fdr/model';
import { waitFor } from '../src/test/clients.ts';
import { startTestServer } from '../src/test/testServer.ts';

const CARDS = 500;
const RUNS = Number(process.argv[2] ?? 20);
const WARMUP = 3;

/** The template's lanes and phases with 500 task teams, two check-ins each. */
function bigRoadmap(): Roadmap {
  const template = templateRoadmap();
  const cells = template.domains.flatMap((d) => template.phases.map((p) => [d.id, p.id] as const));
  const keys = keysBetween(null, null, Math.ceil(CARDS / cells.length));
  const cards: RoadmapCard[] = [];
  for (let i = 0; i < CARDS; i++) {
    const [domainId, phaseId] = cells[i % cells.length]!;
    const checkins = [1, 2].map((n) => ({
      id: `k${i}-${n}`,
      cardId: `card-${i}`,
      status: 'on-track' as const,
      progress: 10 * n,
      summary: { fr: `Bilan ${n} de l’équipe ${i}`, en: `Check-in ${n} of team ${i}` },
      nextMilestone: { label: { fr: 'Jalon', en: 'Milestone' }, targetDate: '2018-03-01' },
      asks: { fr: '', en: '' },
      risks: { fr: '', en: '' },
      author: 'Secrétariat',
      at: `2017-0${n}-01T12:00:00Z`,
    }));
    cards.push({
      id: `card-${i}`,
      title: { fr: `Équipe spéciale ${i}`, en: `Task team ${i}` },
      role: 'Int',
      state: 'new',
      domainId,
      phaseId,
      periodIds: [],
      order: keys[Math.floor(i / cells.length)]!,
      mandate: { fr: 'Mandat de l’équipe spéciale', en: 'Mandate of the task team' },
      deliverables: { fr: 'Livrables', en: 'Deliverables' },
      leadJurisdiction: 'Ontario',
      members: ['Alice', 'Bob', 'Chloé'],
      formedFrom: [],
      archived: false,
      createdAt: '2016-10-01T00:00:00Z',
      checkins,
      latestStatus: latestStatus(checkins),
    });
  }
  return { ...template, cards };
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms (n=${samples.length})`;
};

async function timed(runs: number, action: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const started = performance.now();
    await action();
    if (i >= WARMUP) samples.push(performance.now() - started);
  }
  return samples;
}

const server = await startTestServer({ maxBodyBytes: 64 * 1024 * 1024, logLevel: 'silent' });
try {
  const api = async (path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', cookie: server.cookie },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  const board = async (body: unknown) =>
    ((await (await api('/boards', body)).json()) as { board: { id: string } }).board.id;
  const take = async (boardId: string, name: string) =>
    (
      (await (await api(`/boards/${boardId}/versions`, { name, note: '' })).json()) as {
        version: { id: string; bytes: number };
      }
    ).version;

  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);

  // The template board.
  const template = await board({
    title: { fr: 'Modèle', en: 'Template' },
    template: 'joint-councils-2016',
  });
  const templateVersion = await take(template, 'Réunion de février 2018');
  const templateJson = await (
    await api(`/boards/${template}/versions/${templateVersion.id}/export`)
  ).text();
  console.log(
    `template board (${templateRoadmap().cards.length} cards): version ${templateVersion.bytes} B stored (Yjs state), export ${Buffer.byteLength(templateJson)} B of JSON`,
  );

  // A 500-card board, then a realistic meeting-to-meeting change set in the live doc.
  const big = await board({
    title: { fr: 'Grande feuille de route', en: 'Large roadmap' },
    template: 'imported',
    roadmap: bigRoadmap(),
  });
  const v1 = await take(big, 'Avant');
  const client = server.connect(big);
  await client.synced;
  for (let i = 0; i < 50; i++) {
    moveCard(
      client.doc,
      { id: `card-${i * 7}`, domainId: 'domain-digital-skills', phaseId: 'phase-2' },
      'bench',
    );
    recordCheckin(
      client.doc,
      { cardId: `card-${i * 3 + 1}`, status: 'at-risk', author: 'bench' },
      'bench',
    );
  }
  for (let i = 0; i < 20; i++) {
    updateCard(
      client.doc,
      { id: `card-${i * 11 + 2}`, title: { en: `Renamed team ${i}` } },
      'bench',
    );
  }
  for (let i = 0; i < 10; i++) archiveCard(client.doc, { id: `card-${i * 13 + 5}` }, 'bench');
  await waitFor(
    async () => (await server.versions.compare(big, v1.id, 'now'))!.length >= 150,
    'changes stored',
    30_000,
  );
  client.destroy();
  const v2 = await take(big, 'Après');
  const changes = (await server.versions.compare(big, v1.id, v2.id))!;
  console.log(
    `${CARDS}-card board (${CARDS * 2} check-ins): versions ${v1.bytes} B and ${v2.bytes} B; ${changes.length} changes between them (50 moves, 50 check-ins, 20 renames, 10 archived)`,
  );

  const http = await timed(RUNS, async () => {
    await (await api(`/boards/${big}/versions/${v1.id}/compare?with=${v2.id}`)).json();
  });
  console.log(`compare two versions over HTTP:            ${stats(http)}`);
  const withRoadmaps = await timed(RUNS, async () => {
    await (await api(`/boards/${big}/versions/${v1.id}/compare?with=${v2.id}&roadmaps=1`)).json();
  });
  console.log(`  the same with both roadmaps (canvas page): ${stats(withRoadmaps)}`);
  const inProcess = await timed(RUNS, () => server.versions.compare(big, v1.id, v2.id));
  console.log(`  in process (load, migrate, toJSON x2, diff): ${stats(inProcess)}`);
  const withNow = await timed(RUNS, async () => {
    await (await api(`/boards/${big}/versions/${v1.id}/compare?with=now`)).json();
  });
  console.log(`compare a version with now over HTTP:      ${stats(withNow)}`);
} finally {
  await server.dispose();
}
