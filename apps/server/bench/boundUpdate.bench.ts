/**
 * The cost of bounding a client's update before it is applied: the full `Y.decodeUpdate` pass the
 * server used to make, against `scanUpdate` (lengths and counts only), side by side, and
 * `Y.applyUpdate` for scale. Run: pnpm --filter @fdr/server bench:bound
 * Not a test: it prints numbers, it asserts nothing about time.
 */
import { createCard, createTemplateDoc, toJSON, updateCard } from '@fdr/model';
import * as Y from 'yjs';
import { scanUpdate } from '../src/sync/scanUpdate.ts';

/** A card edit as a client sends it, and a 300-card board's whole state (a join, an offline client). */
function workloads(): { name: string; update: Uint8Array; repeat: number }[] {
  const doc = createTemplateDoc();
  const { domains, phases, cards } = toJSON(doc);
  for (let i = cards.length; i < 300; i++) {
    createCard(
      doc,
      {
        title: { fr: `Équipe spéciale ${i}`, en: `Task team ${i}` },
        role: 'Int',
        domainId: domains[i % domains.length]!.id,
        phaseId: phases[i % phases.length]!.id,
        members: ['Ontario', 'Québec'],
      },
      'bench',
    );
  }
  const edits: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => edits.push(u));
  const card = toJSON(doc).cards[0]!;
  updateCard(doc, { id: card.id, title: { en: 'Renamed' } }, 'bench');
  return [
    { name: 'one card edit', update: edits[0]!, repeat: 20_000 },
    { name: '300-card board state', update: Y.encodeStateAsUpdate(doc), repeat: 40 },
  ];
}

function timeEach(repeat: number, fn: () => void): number {
  for (let i = 0; i < Math.min(repeat, 200); i++) fn(); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const started = performance.now();
    for (let i = 0; i < repeat; i++) fn();
    runs.push(((performance.now() - started) * 1000) / repeat);
  }
  runs.sort((a, b) => a - b);
  return runs[2]!; // median of five, in µs per update
}

console.log(
  '| Update | Bytes | Y.decodeUpdate (before) | scanUpdate (now) | Y.applyUpdate into a fresh doc |',
);
console.log('| --- | ---: | ---: | ---: | ---: |');
const us = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} µs`;
for (const { name, update, repeat } of workloads()) {
  const decode = timeEach(repeat, () => Y.decodeUpdate(update));
  const scan = timeEach(repeat, () => scanUpdate(update));
  // Applying an edit needs the board it edits; the whole state applies into an empty doc.
  const apply = name.includes('state')
    ? us(timeEach(Math.max(1, repeat / 10), () => Y.applyUpdate(new Y.Doc(), update)))
    : 'n/a';
  console.log(`| ${name} | ${update.byteLength} | ${us(decode)} | ${us(scan)} | ${apply} |`);
}
