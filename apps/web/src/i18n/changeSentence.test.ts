import type { Change } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { type ChangeWords, changeSentence, itemSpanText } from './changeSentence.ts';
import { tableStrings } from './tableStrings.ts';
import { versionStrings } from './versionStrings.ts';

const cell = {
  domainId: 'd1',
  phaseId: 'p1',
  domain: { fr: 'Habilitation du numérique', en: 'Digital enablement' },
  phase: { fr: 'Phase 1', en: 'Phase 1' },
};
const label = { fr: 'Libellé', en: 'Label' };
const title = { fr: 'Sécurité', en: 'Security' };
const p1 = {
  periodId: 'x1',
  label: { fr: 'Période 1', en: 'Period 1' },
  phaseId: 'p',
  phase: { fr: 'Phase 1', en: 'Phase 1' },
};
const p3 = { ...p1, periodId: 'x3', label: { fr: 'Période 3', en: 'Period 3' } };
const place = { domainId: 'd', domain: cell.domain, start: p1, end: p3 };

/** One change of every kind: the switch must cover them all. */
const ALL: Change[] = [
  { kind: 'board-renamed', from: label, to: title },
  { kind: 'board-settings-changed', fields: ['staleAfterDays'] },
  { kind: 'domain-added', domainId: 'd', label },
  { kind: 'domain-removed', domainId: 'd', label },
  { kind: 'domain-renamed', domainId: 'd', from: label, to: title },
  { kind: 'domain-reordered', domainId: 'd', label },
  { kind: 'domain-recoloured', domainId: 'd', label, from: '#000000', to: '#ffffff' },
  { kind: 'phase-added', phaseId: 'p', label },
  { kind: 'phase-removed', phaseId: 'p', label },
  { kind: 'phase-renamed', phaseId: 'p', from: label, to: title },
  {
    kind: 'phase-dates-changed',
    phaseId: 'p',
    label,
    from: { start: '2016-10-01', end: '2018-03-31' },
    to: { start: '2016-10-01', end: null },
  },
  { kind: 'period-added', periodId: 'x', phaseId: 'p', label, phase: title },
  { kind: 'period-removed', periodId: 'x', phaseId: 'p', label },
  { kind: 'period-renamed', periodId: 'x', from: label, to: title },
  {
    kind: 'period-dates-changed',
    periodId: 'x',
    label,
    from: { start: '2016-10-01', end: '2017-03-31' },
    to: { start: '2016-10-01', end: '2016-12-31' },
  },
  { kind: 'card-added', cardId: 'c', title, to: cell },
  { kind: 'card-removed', cardId: 'c', title, from: cell },
  { kind: 'card-renamed', cardId: 'c', from: label, to: title },
  { kind: 'card-moved', cardId: 'c', title, from: cell, to: { ...cell, phaseId: 'p2' } },
  { kind: 'card-reordered', cardId: 'c', title, cell },
  { kind: 'card-archived', cardId: 'c', title },
  { kind: 'card-restored', cardId: 'c', title },
  { kind: 'card-fields-changed', cardId: 'c', title, fields: ['mandate', 'members'] },
  { kind: 'card-status-changed', cardId: 'c', title, from: null, to: 'blocked' },
  { kind: 'card-checked-in', cardId: 'c', title, checkinIds: ['a', 'b'] },
  { kind: 'item-added', itemId: 'i', label, to: place },
  { kind: 'item-removed', itemId: 'i', label, from: place },
  { kind: 'item-renamed', itemId: 'i', from: label, to: title },
  { kind: 'item-moved', itemId: 'i', label, from: place, to: { ...place, domain: title } },
  {
    kind: 'item-respanned',
    itemId: 'i',
    label,
    from: place,
    to: { ...place, end: { ...p1, periodId: 'x2', phaseId: 'p2', phase: title } },
  },
  { kind: 'item-changed', itemId: 'i', label, fields: ['kind'] },
  { kind: 'annotations-changed', added: 1, removed: 2, changed: 3, schemaChanged: false },
];

/** Each template shows which values it was given, so a test can read them back. */
const MARKERS: ChangeWords = {
  changeBoardRenamed: 'board {from} > {to}',
  changeBoardSettings: 'settings {fields}',
  changeDomainAdded: '+domain {label}',
  changeDomainRemoved: '-domain {label}',
  changeDomainRenamed: 'domain {from} > {to}',
  changeDomainReordered: 'domain order {label}',
  changeDomainRecoloured: 'domain colour {label}',
  changePhaseAdded: '+phase {label}',
  changePhaseRemoved: '-phase {label}',
  changePhaseRenamed: 'phase {from} > {to}',
  changePhaseDates: 'dates {label}: {from} > {to}',
  changePeriodAdded: '+period {label}',
  changePeriodRemoved: '-period {label}',
  changePeriodRenamed: 'period {from} > {to}',
  changePeriodDates: 'period dates {label}: {from} > {to}',
  changeCardAdded: '+card {title} in {cell}',
  changeCardRemoved: '-card {title} from {cell}',
  changeCardRenamed: 'card {from} > {to}',
  changeCardMoved: 'move {title}: {from} > {to}',
  changeCardReordered: 'order {title} in {cell}',
  changeCardArchived: 'archived {title}',
  changeCardRestored: 'restored {title}',
  changeCardFields: 'edited {title}: {fields}',
  changeCardStatus: 'status {title}: {from} > {to}',
  changeCardCheckedIn: 'check-in {title}',
  changeItemAdded: '+item {label} in {domain} over {span}',
  changeItemRemoved: '-item {label} from {domain} over {span}',
  changeItemRenamed: 'item {from} > {to}',
  changeItemMoved: 'item lane {label}: {from} > {to}',
  changeItemRespanned: 'item span {label}: {from} > {to}',
  changeItemChanged: 'item {label}: {fields}',
  changeAnnotations: 'annotations +{added} ~{changed} -{removed}',
  cell: '{domain}/{phase}',
  noStatus: 'nothing',
};

const upper = (field: string) => field.toUpperCase();

describe('changeSentence', () => {
  it('fills each kind’s template with that change’s values, in the UI language', () => {
    const say = (change: Change, words = MARKERS) => changeSentence(change, 'en', words, upper);
    const moved = ALL.find((c) => c.kind === 'card-moved')!;
    expect(say(moved)).toBe(
      'move Security: Digital enablement/Phase 1 > Digital enablement/Phase 1',
    );
    expect(changeSentence(moved, 'fr', MARKERS, upper)).toBe(
      'move Sécurité: Habilitation du numérique/Phase 1 > Habilitation du numérique/Phase 1',
    );
    const status = ALL.find((c) => c.kind === 'card-status-changed')!;
    expect(say(status)).toBe('status Security: nothing > Blocked');
    const fields = ALL.find((c) => c.kind === 'card-fields-changed')!;
    expect(say(fields)).toBe('edited Security: MANDATE, MEMBERS');
    const dates = ALL.find((c) => c.kind === 'phase-dates-changed')!;
    expect(say(dates)).toMatch(
      /^dates Label: Oct\.? 1, 2016 – Mar\.? 31, 2018 > Oct\.? 1, 2016 – …$/,
    );
  });

  it('tells an item’s lane and span in periods, naming phases only across them', () => {
    const say = (kind: Change['kind'], lang: 'fr' | 'en' = 'en') =>
      changeSentence(ALL.find((c) => c.kind === kind)!, lang, MARKERS, upper);
    expect(say('item-added')).toBe('+item Label in Digital enablement over Period 1 – Period 3');
    expect(say('item-added', 'fr')).toBe(
      '+item Libellé in Habilitation du numérique over Période 1 – Période 3',
    );
    expect(say('item-moved')).toBe('item lane Label: Digital enablement > Security');
    expect(say('item-respanned')).toBe(
      'item span Label: Period 1 – Period 3 > Phase 1, Period 1 – Security, Period 1',
    );
    expect(say('item-changed')).toBe('item Label: KIND');
    const single = { ...place, end: p1 };
    expect(itemSpanText(single, 'fr')).toBe('Période 1');
  });

  it('counts check-ins only in words that have a plural', () => {
    const checkins = (count: number): Change => ({
      kind: 'card-checked-in',
      cardId: 'c',
      title: { fr: 'T', en: 'T' },
      checkinIds: Array.from({ length: count }, (_, i) => `k${i}`),
    });
    const counted = { ...MARKERS, changeCardCheckedInMany: '{count} check-ins {title}' };
    expect(changeSentence(checkins(1), 'en', counted, upper)).toBe('check-in T');
    expect(changeSentence(checkins(3), 'en', counted, upper)).toBe('3 check-ins T');
    expect(changeSentence(checkins(3), 'en', MARKERS, upper)).toBe('check-in T');
  });

  it('leaves no marker unfilled in the table’s or the versions’ words, in either language', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const [name, words] of [
        ['table', tableStrings[lang]],
        ['versions', versionStrings[lang]],
      ] as const) {
        for (const change of ALL) {
          const text = changeSentence(change, lang, words, upper);
          expect(text, `${name} ${change.kind} ${lang}`).not.toMatch(/\{\w+\}/);
          expect(text.length).toBeGreaterThan(5);
        }
      }
    }
  });
});
