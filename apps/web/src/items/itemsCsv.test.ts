import { addPeriod, createTemplateDoc, ITEM_LABEL_MAX, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { headerOf } from '../export/cardsCsv.ts';
import { parseCsv, toCsv } from '../export/csv.ts';
import { applyCsvImport, type ImportRow } from '../export/csvImport.ts';
import { ITEM_CSV_COLUMNS, itemsToCsv } from './itemsCsv.ts';
import { planItemsImport } from './itemsImport.ts';

const NOW = new Date('2026-05-01T12:00:00Z');
const kinds = (rows: ImportRow[]) => rows.map((row) => row.kind);
const header = (key: string) => headerOf(ITEM_CSV_COLUMNS.find((c) => c.key === key)!);
const col = (key: string) => ITEM_CSV_COLUMNS.findIndex((c) => c.key === key);

describe('roadmap items CSV', () => {
  it('exports every item with bilingual headers, its span with phases, and its teams', () => {
    const roadmap = toJSON(createTemplateDoc());
    const [head, ...rows] = parseCsv(itemsToCsv(roadmap, NOW));
    expect(head).toContain('Libellé (français) / Label (French)');
    expect(head).toContain('Première période (anglais) / First period (English)');
    expect(rows).toHaveLength(29);
    const handbook = rows.find((r) => r[0] === 'item-service-design-handbook')!;
    expect(handbook[col('label_fr')]).toBe('Manuel de conception des services');
    expect(handbook[col('first_period_en')]).toBe('Phase 1 — Period 1');
    expect(handbook[col('last_period_fr')]).toBe('Phase 1 — Période 3');
    expect(handbook[col('kind_en')]).toBe('Ongoing activity');
    expect(handbook[col('role')]).toBe('In');
  });

  it('round-trips: importing the export changes nothing; an edited export writes only the edits', () => {
    const doc = createTemplateDoc();
    const roadmap = toJSON(doc);
    const text = itemsToCsv(roadmap, NOW);
    const plan = planItemsImport(doc, roadmap, text);
    expect(plan.fileErrors).toEqual([]);
    expect(new Set(kinds(plan.rows))).toEqual(new Set(['unchanged']));
    // Export-only columns (the teams' titles) are ignored, and said so.
    expect(plan.ignored.some((h) => h.includes('Delivering task teams (English)'))).toBe(true);

    const [head, ...rows] = parseCsv(text);
    const edited = rows.map((row) => {
      if (row[0] !== 'item-service-design-handbook') return row;
      const next = [...row];
      next[col('last_period_en')] = 'Period 2';
      next[col('last_period_fr')] = '';
      next[col('label_en')] = 'Service design guide';
      next[col('cards')] = 'card-service-design; Death notification (prototype)';
      return next;
    });
    const added = ITEM_CSV_COLUMNS.map((c) =>
      c.key === 'label_en'
        ? 'Digital talent exchange'
        : c.key === 'domain_fr'
          ? 'Compétences numériques'
          : c.key === 'first_period_fr'
            ? 'Période 2'
            : c.key === 'role'
              ? 'Br'
              : '',
    );
    const plan2 = planItemsImport(doc, roadmap, toCsv([head!, ...edited, added]));
    expect(kinds(plan2.rows).filter((k) => k !== 'unchanged')).toEqual(['update', 'create']);
    const update = plan2.rows.find((r) => r.kind === 'update');
    expect(update?.kind === 'update' && update.fields).toEqual(['label', 'span', 'cards']);

    let transactions = 0;
    doc.on('afterTransaction', (tr) => {
      if (tr.origin === 'me') transactions++;
    });
    expect(applyCsvImport(doc, plan2, 'me')).toEqual({ written: 2 });
    expect(transactions).toBe(1);
    const after = toJSON(doc);
    expect(after.items.find((i) => i.id === 'item-service-design-handbook')).toMatchObject({
      label: { fr: 'Manuel de conception des services', en: 'Service design guide' },
      startPeriodId: 'period-1',
      endPeriodId: 'period-2',
      cardIds: ['card-service-design', 'card-death-notification'],
    });
    expect(after.items.find((i) => i.label.en === 'Digital talent exchange')).toMatchObject({
      domainId: 'domain-digital-skills',
      startPeriodId: 'period-2',
      endPeriodId: 'period-2',
      role: 'Int',
      kind: 'new',
    });
  });

  it('explains every bad row in both languages and writes only the good ones', () => {
    const doc = createTemplateDoc();
    // A second phase with periods: "Period 1" alone no longer says which.
    addPeriod(
      doc,
      {
        phaseId: 'phase-2',
        label: { fr: 'Période 1', en: 'Period 1' },
        start: '2018-04-01',
        end: '2018-09-30',
      },
      'x',
    );
    const roadmap = toJSON(doc);
    const csv = toCsv([
      [
        'id',
        header('label_en'),
        header('domain_en'),
        'first_period_en',
        'last_period_en',
        'role',
        'cards',
      ],
      ['', '', 'Digital skills', 'Phase 1 — Period 1', '', 'In', ''],
      ['', 'A', 'Nowhere', 'Phase 1 — Period 1', '', 'In', ''],
      ['', 'B', 'Digital skills', 'Period 1', '', 'In', ''],
      ['', 'C', 'Digital skills', 'Phase 1 — Period 3', 'Phase 1, Period 1', 'In', ''],
      ['', 'D', 'Digital skills', 'Phase 1 — Period 1', '', 'In', 'card-nobody'],
      ['', 'E', '', '', '', '', ''],
      ['', 'x'.repeat(ITEM_LABEL_MAX + 1), 'Digital skills', 'Phase 1 — Period 1', '', 'In', ''],
      ['', 'Fine', 'Digital skills', 'phase 2 period 1', '', 'Pr', 'Security'],
    ]);
    const before = Y.encodeStateVector(doc);
    const plan = planItemsImport(doc, roadmap, csv);
    expect(kinds(plan.rows)).toEqual([
      'error',
      'error',
      'error',
      'error',
      'error',
      'error',
      'error',
      'create',
    ]);
    const errors = plan.rows.map((row) => (row.kind === 'error' ? row.errors : []));
    expect(errors[0]?.[0]).toEqual({
      fr: 'Libellé manquant : donnez un libellé en français ou en anglais.',
      en: 'Missing label: give a label in French or English.',
    });
    expect(errors[1]?.[0]?.en).toBe('Unknown Domain of interest: “Nowhere”.');
    expect(errors[2]?.[0]?.en).toMatch(/Period “Period 1” is ambiguous/);
    expect(errors[2]?.[0]?.fr).toMatch(/Période « Period 1 » ambiguë/);
    // The model's own refusal, in both languages.
    expect(errors[3]?.[0]).toEqual({
      fr: 'La période de fin précède la période de début.',
      en: 'The end period comes before the start period.',
    });
    expect(errors[4]?.[0]?.en).toBe('Unknown task teams: card-nobody.');
    expect(errors[5]?.map((e) => e.en)).toEqual([
      'Domain of interest missing for a new item.',
      'First period missing for a new item.',
      'Role missing for a new item.',
    ]);
    expect(errors[6]?.[0]?.fr).toBeTruthy();

    // The preview wrote nothing.
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(applyCsvImport(doc, plan, 'me')).toEqual({ written: 1 });
    const fine = toJSON(doc).items.find((i) => i.label.en === 'Fine');
    expect(fine?.cardIds).toEqual(['card-security']);
    expect(fine?.startPeriodId).not.toMatch(/^period-[123]$/);
  });

  it('refuses a file that is not an items CSV, as a whole', () => {
    const doc = createTemplateDoc();
    const roadmap = toJSON(doc);
    const cards = planItemsImport(doc, roadmap, 'title_en,domain_en\nX,Digital skills');
    expect(cards.fileErrors[0]?.en).toMatch(/No label column/);
    expect(cards.fileErrors[0]?.fr).toMatch(/Aucune colonne de libellé/);
  });
});
