import {
  CARD_TITLE_MAX,
  createCard,
  createTemplateDoc,
  recordCheckin,
  toJSON,
  updateCard,
} from '@fdr/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CSV_COLUMNS, cardsToCsv, headerOf } from './cardsCsv.ts';
import { parseCsv, toCsv } from './csv.ts';
import { applyCsvImport, type ImportRow, planCsvImport } from './csvImport.ts';

const NOW = new Date('2026-05-01T12:00:00Z');

function setup() {
  const doc = createTemplateDoc(undefined, '2025-10-01T00:00:00Z');
  recordCheckin(
    doc,
    {
      cardId: 'card-security',
      status: 'at-risk',
      progress: 40,
      nextMilestone: { label: { fr: 'Norme', en: 'Standard' }, targetDate: '2026-06-01' },
      author: 'A',
      at: '2026-04-20T10:00:00Z',
    },
    'test',
  );
  return { doc, roadmap: () => toJSON(doc) };
}

const header = (key: string) => headerOf(CSV_COLUMNS.find((c) => c.key === key)!);
const kinds = (rows: ImportRow[]) => rows.map((row) => row.kind);

describe('cards CSV export', () => {
  it('has bilingual headers, both languages of every text, and the derived status', () => {
    const { roadmap } = setup();
    const [head, ...rows] = parseCsv(cardsToCsv(roadmap(), NOW));
    expect(head).toContain('Titre (français) / Title (French)');
    expect(head).toContain('Titre (anglais) / Title (English)');
    expect(head).toContain('Dernier bilan (anglais) / Latest status (English)');
    expect(rows).toHaveLength(roadmap().cards.filter((c) => !c.archived).length);
    const col = (key: string) => CSV_COLUMNS.findIndex((c) => c.key === key);
    const security = rows.find((r) => r[0] === 'card-security')!;
    expect(security[col('title_fr')]).toBe('Équipe spéciale chargée de la sécurité');
    expect(security[col('title_en')]).toBe('Security');
    expect(security[col('domain_en')]).toBe('Digital enablement');
    expect(security[col('role')]).toBe('CE');
    expect(security[col('status_fr')]).toBe('À risque');
    expect(security[col('status_en')]).toBe('At risk');
    expect(security[col('progress')]).toBe('40');
    expect(security[col('next_milestone_en')]).toBe('Standard');
    expect(security[col('overdue_en')]).toBe('No');
    const never = rows.find((r) => r[0] === 'card-open-data')!;
    expect(never[col('overdue_fr')]).toBe('Oui');
  });

  it('guards text that would run as a formula', () => {
    const { doc, roadmap } = setup();
    updateCard(doc, { id: 'card-security', title: { en: '=cmd|calc' } }, 'test');
    const text = cardsToCsv(roadmap(), NOW);
    expect(text).toContain("'=cmd|calc");
    // …and the import takes the guard off again: re-importing the export changes nothing.
    const plan = planCsvImport(doc, roadmap(), text);
    expect(plan.fileErrors).toEqual([]);
    expect(new Set(kinds(plan.rows))).toEqual(new Set(['unchanged']));
  });
});

describe('cards CSV import', () => {
  it('previews creations, updates and moves without writing anything; applies in one transaction', () => {
    const { doc, roadmap } = setup();
    const before = Y.encodeStateVector(doc);
    const csv = toCsv([
      [
        'id',
        header('title_fr'),
        header('title_en'),
        header('domain_en'),
        'Phase (French)',
        'role',
        header('state_en'),
        header('periods_en'),
        header('members'),
      ],
      ['', 'Équipe des tests', 'Testing', 'Digital skills', 'Phase 2', 'In', 'New', '', 'A\nB'],
      [
        'card-security',
        'Équipe spéciale chargée de la sécurité',
        'Security and trust',
        'Digital enablement',
        'Phase 2',
        'CE',
        '',
        '',
        '',
      ],
      [
        'card-open-data',
        'Équipe spéciale chargée des données ouvertes',
        'Open data',
        'Digital enablement',
        'Phase 1',
        'Centre of expertise',
        'External identity',
        'Period 1; Period 3',
        '',
      ],
    ]);
    const plan = planCsvImport(doc, roadmap(), csv);
    expect(plan.fileErrors).toEqual([]);
    expect(kinds(plan.rows)).toEqual(['create', 'update', 'update']);
    const security = plan.rows[1];
    expect(security?.kind === 'update' && security.fields).toEqual(['title', 'cell']);
    const openData = plan.rows[2];
    expect(openData?.kind === 'update' && openData.fields).toEqual(['state', 'periods']);
    // The preview wrote nothing.
    expect(Y.encodeStateVector(doc)).toEqual(before);

    let transactions = 0;
    doc.on('afterTransaction', (tr) => {
      if (tr.origin === 'me') transactions++;
    });
    expect(applyCsvImport(doc, plan, 'me')).toEqual({ written: 3 });
    expect(transactions).toBe(1);
    const after = roadmap();
    const created = after.cards.find((c) => c.title.en === 'Testing');
    expect(created).toMatchObject({
      domainId: 'domain-digital-skills',
      phaseId: 'phase-2',
      role: 'In',
      members: ['A', 'B'],
    });
    expect(after.cards.find((c) => c.id === 'card-security')).toMatchObject({
      title: { en: 'Security and trust' },
      phaseId: 'phase-2',
    });
    expect(after.cards.find((c) => c.id === 'card-open-data')).toMatchObject({
      state: 'external-identity',
      periodIds: ['period-1', 'period-3'],
    });
  });

  it('explains every bad row in both languages and skips only those', () => {
    const { doc, roadmap } = setup();
    const csv = toCsv([
      ['id', header('title_en'), header('domain_fr'), header('domain_en'), 'role', 'phase_en'],
      ['', '', 'Gouvernance numérique', '', 'Pr', 'Phase 1'],
      ['', 'A', 'Gouvernance numérique', 'Digital skills', 'Pr', 'Phase 1'],
      ['', 'B', 'Nowhere', '', 'Pr', 'Phase 1'],
      ['', 'C', 'Gouvernance numérique', '', 'Boss', 'Phase 1'],
      ['bad id!', 'D', 'Gouvernance numérique', '', 'Pr', 'Phase 1'],
      ['', 'E', '', '', '', ''],
      ['', 'x'.repeat(CARD_TITLE_MAX + 1), 'Gouvernance numérique', '', 'Pr', 'Phase 1'],
      ['', 'Fine', 'Gouvernance numérique', '', 'Br', 'Phase 1'],
    ]);
    const plan = planCsvImport(doc, roadmap(), csv);
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
    expect(plan.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(errors[0]?.[0]?.en).toBe('Missing title: give a title in French or English.');
    expect(errors[0]?.[0]?.fr).toBe('Titre manquant : donnez un titre en français ou en anglais.');
    expect(errors[1]?.[0]?.en).toMatch(/French and English columns name different values/);
    expect(errors[2]?.[0]).toEqual({
      fr: 'Domaine d’intérêt inconnu : « Nowhere ».',
      en: 'Unknown Domain of interest: “Nowhere”.',
    });
    expect(errors[3]?.[0]?.en).toBe('Unknown Role: “Boss”.');
    expect(errors[4]?.[0]?.fr).toMatch(/Identifiant « bad id! » invalide/);
    expect(errors[5]?.map((e) => e.en)).toEqual([
      'Domain of interest missing for a new card.',
      'Phase missing for a new card.',
      'Role missing for a new card.',
    ]);
    // What the model refuses (here a title over 300 characters) is reported with its message.
    expect(errors[6]?.[0]?.en).toMatch(/title/);
    expect(errors[6]?.[0]?.fr).toBeTruthy();

    expect(applyCsvImport(doc, plan, 'me')).toEqual({ written: 1 });
    expect(roadmap().cards.find((c) => c.title.en === 'Fine')?.role).toBe('Int');
  });

  it('refuses files that are not a cards CSV, as a whole', () => {
    const { doc, roadmap } = setup();
    expect(planCsvImport(doc, roadmap(), '').fileErrors[0]?.en).toBe('The file has no data rows.');
    expect(planCsvImport(doc, roadmap(), 'a,b\n1,2').fileErrors[0]?.en).toMatch(/No title column/);
    expect(planCsvImport(doc, roadmap(), 'title_en\n"open').fileErrors[0]?.fr).toMatch(/ligne 2/);
  });

  it('writes nothing when the board changed since the preview in a way that breaks a row', () => {
    const { doc, roadmap } = setup();
    const csv = toCsv([
      ['id', 'title_en', 'domain_en', 'phase_en', 'role'],
      ['new-card', 'New', 'Digital skills', 'Phase 1', 'In'],
      ['', 'Other', 'Digital skills', 'Phase 1', 'In'],
    ]);
    const plan = planCsvImport(doc, roadmap(), csv);
    expect(kinds(plan.rows)).toEqual(['create', 'create']);
    // Meanwhile someone else creates a card with that id.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    createCard(
      peer,
      {
        id: 'new-card',
        title: { fr: 'X', en: 'X' },
        role: 'In',
        domainId: 'domain-digital-skills',
        phaseId: 'phase-1',
      },
      'peer',
    );
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    const before = Y.encodeStateVector(doc);
    const result = applyCsvImport(doc, plan, 'me');
    expect('stale' in result && kinds(result.stale)).toEqual(['error', 'create']);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
