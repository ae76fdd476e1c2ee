import type { Change, ChangeKind } from '@fdr/model';
import type { Bilingual } from './MailKind.ts';

type Counted = (n: number) => Bilingual;

const s = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Each kind of change as a short sentence in both languages, counted. */
const SENTENCES: Record<ChangeKind, Counted> = {
  'board-renamed': () => ({ en: 'The board was renamed', fr: 'Le tableau a été renommé' }),
  'board-settings-changed': () => ({
    en: 'The board’s settings changed',
    fr: 'Les paramètres du tableau ont changé',
  }),
  'domain-added': (n) => ({
    en: s(n, 'domain added', 'domains added'),
    fr: s(n, 'domaine ajouté', 'domaines ajoutés'),
  }),
  'domain-removed': (n) => ({
    en: s(n, 'domain removed', 'domains removed'),
    fr: s(n, 'domaine retiré', 'domaines retirés'),
  }),
  'domain-renamed': (n) => ({
    en: s(n, 'domain renamed', 'domains renamed'),
    fr: s(n, 'domaine renommé', 'domaines renommés'),
  }),
  'domain-reordered': (n) => ({
    en: s(n, 'domain reordered', 'domains reordered'),
    fr: s(n, 'domaine réordonné', 'domaines réordonnés'),
  }),
  'domain-recoloured': (n) => ({
    en: s(n, 'domain recoloured', 'domains recoloured'),
    fr: s(n, 'domaine recoloré', 'domaines recolorés'),
  }),
  'phase-added': (n) => ({
    en: s(n, 'phase added', 'phases added'),
    fr: s(n, 'phase ajoutée', 'phases ajoutées'),
  }),
  'phase-removed': (n) => ({
    en: s(n, 'phase removed', 'phases removed'),
    fr: s(n, 'phase retirée', 'phases retirées'),
  }),
  'phase-renamed': (n) => ({
    en: s(n, 'phase renamed', 'phases renamed'),
    fr: s(n, 'phase renommée', 'phases renommées'),
  }),
  'phase-dates-changed': (n) => ({
    en: s(n, 'phase with new dates', 'phases with new dates'),
    fr: s(n, 'phase aux dates changées', 'phases aux dates changées'),
  }),
  'period-added': (n) => ({
    en: s(n, 'period added', 'periods added'),
    fr: s(n, 'période ajoutée', 'périodes ajoutées'),
  }),
  'period-removed': (n) => ({
    en: s(n, 'period removed', 'periods removed'),
    fr: s(n, 'période retirée', 'périodes retirées'),
  }),
  'period-renamed': (n) => ({
    en: s(n, 'period renamed', 'periods renamed'),
    fr: s(n, 'période renommée', 'périodes renommées'),
  }),
  'period-dates-changed': (n) => ({
    en: s(n, 'period with new dates', 'periods with new dates'),
    fr: s(n, 'période aux dates changées', 'périodes aux dates changées'),
  }),
  'card-added': (n) => ({
    en: s(n, 'card added', 'cards added'),
    fr: s(n, 'carte ajoutée', 'cartes ajoutées'),
  }),
  'card-removed': (n) => ({
    en: s(n, 'card removed', 'cards removed'),
    fr: s(n, 'carte retirée', 'cartes retirées'),
  }),
  'card-renamed': (n) => ({
    en: s(n, 'card renamed', 'cards renamed'),
    fr: s(n, 'carte renommée', 'cartes renommées'),
  }),
  'card-moved': (n) => ({
    en: s(n, 'card moved', 'cards moved'),
    fr: s(n, 'carte déplacée', 'cartes déplacées'),
  }),
  'card-reordered': (n) => ({
    en: s(n, 'card reordered in its cell', 'cards reordered in their cells'),
    fr: s(n, 'carte réordonnée dans sa case', 'cartes réordonnées dans leur case'),
  }),
  'card-archived': (n) => ({
    en: s(n, 'card archived', 'cards archived'),
    fr: s(n, 'carte archivée', 'cartes archivées'),
  }),
  'card-restored': (n) => ({
    en: s(n, 'card restored', 'cards restored'),
    fr: s(n, 'carte rétablie', 'cartes rétablies'),
  }),
  'card-fields-changed': (n) => ({
    en: s(n, 'card edited', 'cards edited'),
    fr: s(n, 'carte modifiée', 'cartes modifiées'),
  }),
  'card-status-changed': (n) => ({
    en: s(n, 'card with a new status', 'cards with a new status'),
    fr: s(n, 'carte au nouvel état', 'cartes au nouvel état'),
  }),
  'card-checked-in': (n) => ({
    en: s(n, 'card checked in', 'cards checked in'),
    fr: s(n, 'carte avec un nouveau bilan', 'cartes avec un nouveau bilan'),
  }),
  'item-added': (n) => ({
    en: s(n, 'item added', 'items added'),
    fr: s(n, 'élément ajouté', 'éléments ajoutés'),
  }),
  'item-removed': (n) => ({
    en: s(n, 'item removed', 'items removed'),
    fr: s(n, 'élément retiré', 'éléments retirés'),
  }),
  'item-renamed': (n) => ({
    en: s(n, 'item renamed', 'items renamed'),
    fr: s(n, 'élément renommé', 'éléments renommés'),
  }),
  'item-moved': (n) => ({
    en: s(n, 'item moved to another domain', 'items moved to another domain'),
    fr: s(n, 'élément passé à un autre domaine', 'éléments passés à un autre domaine'),
  }),
  'item-respanned': (n) => ({
    en: s(n, 'item with a new span', 'items with a new span'),
    fr: s(n, 'élément à la durée changée', 'éléments à la durée changée'),
  }),
  'item-changed': (n) => ({
    en: s(n, 'item edited', 'items edited'),
    fr: s(n, 'élément modifié', 'éléments modifiés'),
  }),
  'annotations-changed': () => ({
    en: 'Annotations changed',
    fr: 'Les annotations ont changé',
  }),
};

/**
 * A version's changes as a digest's lines: one counted sentence per kind of change, in the
 * order the diff lists them (board, structure, cards, items, annotations).
 */
export function digestLines(changes: readonly Change[]): Bilingual[] {
  const counts = new Map<ChangeKind, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => SENTENCES[kind](n));
}
