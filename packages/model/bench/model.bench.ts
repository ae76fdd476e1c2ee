/*
 * Cost of reading a board and of diffing two versions of it, on a 500-card board.
 * Run: node bench/model.bench.ts  (Node ≥ 22.18 runs the TypeScript directly). Prints the median
 * of N runs in milliseconds; the first runs warm up the JIT and are not counted.
 */
import {
  diff,
  fromJSON,
  keysBetween,
  latestStatus,
  moveCard,
  type Roadmap,
  type RoadmapCard,
  recordCheckin,
  templateRoadmap,
  toJSON,
} from '../src/index.ts';

type Host = {
  performance: { now(): number };
  console: { log(...values: unknown[]): void };
  process: { argv: string[] };
};
const host = globalThis as unknown as Host;

const CARDS = 500;
const RUNS = Number(host.process.argv[2] ?? 50);
const WARMUP = 5;

function board(): Roadmap {
  const template = templateRoadmap();
  const cells = template.domains.flatMap((d) => template.phases.map((p) => [d.id, p.id] as const));
  const perCell = Math.ceil(CARDS / cells.length);
  const keys = keysBetween(null, null, perCell);
  const cards: RoadmapCard[] = [];
  for (let i = 0; i < CARDS; i++) {
    const [domainId, phaseId] = cells[i % cells.length]!;
    const checkins = [1, 2].map((n) => ({
      id: `k${i}-${n}`,
      cardId: `card-${i}`,
      status: 'on-track' as const,
      progress: 10 * n,
      summary: { fr: `Bilan ${n}`, en: `Check-in ${n}` },
      nextMilestone: null,
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
      mandate: { fr: 'Mandat de l’équipe', en: 'Team mandate' },
      deliverables: { fr: 'Livrables', en: 'Deliverables' },
      leadJurisdiction: 'Ontario',
      members: ['Alice', 'Bob', 'Chloé'],
      formedFrom: [],
      archived: false,
      createdAt: null,
      checkins,
      latestStatus: latestStatus(checkins),
    });
  }
  return toJSON(fromJSON({ ...template, cards }));
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function measure(name: string, action: () => unknown): void {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = host.performance.now();
    action();
    const elapsed = host.performance.now() - start;
    if (i >= WARMUP) samples.push(elapsed);
  }
  host.console.log(
    `${name.padEnd(42)} median ${median(samples).toFixed(2)} ms  (min ${Math.min(...samples).toFixed(2)}, max ${Math.max(...samples).toFixed(2)}, n=${RUNS})`,
  );
}

const before = board();
const doc = fromJSON(before);
// A realistic "since last snapshot": 50 moves, 50 check-ins.
for (let i = 0; i < 50; i++) {
  moveCard(
    doc,
    { id: `card-${i * 7}`, domainId: 'domain-digital-skills', phaseId: 'phase-2' },
    'bench',
  );
  recordCheckin(
    doc,
    { cardId: `card-${i * 3}`, status: 'at-risk', author: 'bench', at: '2017-06-01T00:00:00Z' },
    'bench',
  );
}
const after = toJSON(doc);
const original = fromJSON(before);

host.console.log(
  `${CARDS} cards, ${after.cards.reduce((n, c) => n + c.checkins.length, 0)} check-ins`,
);
measure('toJSON(doc)', () => toJSON(doc));
measure('diff(json, json)', () => diff(before, after));
measure('diff(doc, doc) (includes two toJSON)', () => diff(original, doc));
measure('fromJSON(json)', () => fromJSON(before));
measure('moveCard (one command, validates via toJSON)', () =>
  moveCard(
    doc,
    {
      id: 'card-1',
      domainId: 'domain-digital-governance',
      phaseId: 'phase-1',
      position: { index: 0 },
    },
    'bench',
  ),
);
