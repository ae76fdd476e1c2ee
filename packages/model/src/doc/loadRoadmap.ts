import * as Y from 'yjs';
import { ModelError } from '../ModelError.ts';
import { type Roadmap, validateRoadmap } from '../roadmap.ts';
import { docRoots, META, readSchemaVersion, SCHEMA_VERSION } from './layout.ts';
import { writeCard, writeDomain, writeItem, writePeriod, writePhase } from './recordCodec.ts';

/**
 * Writes a roadmap into an empty doc, in one transaction. Used to create a board from the
 * template or from an imported file. Only one peer may do this for a given doc: template ids are
 * fixed, so two peers loading into the same doc concurrently would race on every record.
 */
export function loadRoadmap(doc: Y.Doc, input: unknown, origin: unknown): Roadmap {
  const roadmap = validateRoadmap(input);
  const roots = docRoots(doc);
  const version = readSchemaVersion(doc);
  const hasRecords = [roots.domains, roots.phases, roots.cards, roots.items].some(
    (m) => m.size > 0,
  );
  // An unversioned doc or a migrated but still empty one (canvas notes may already exist).
  if ((version !== 0 && version !== SCHEMA_VERSION) || hasRecords) {
    throw new ModelError('invalid-document', {
      fr: 'Le tableau contient déjà une feuille de route; impossible de la remplacer.',
      en: 'The board already holds a roadmap; it cannot be overwritten.',
    });
  }
  doc.transact(() => {
    const { meta } = roots;
    meta.set(META.boardId, roadmap.board.id);
    meta.set(`${META.title}.fr`, roadmap.board.title.fr);
    meta.set(`${META.title}.en`, roadmap.board.title.en);
    meta.set(META.staleAfterDays, roadmap.board.settings.staleAfterDays);
    meta.set(META.defaultLocale, roadmap.board.settings.defaultLocale);
    meta.set(META.annotationsSchema, roadmap.annotations.schema);
    for (const domain of roadmap.domains) {
      const map = new Y.Map<unknown>();
      roots.domains.set(domain.id, map);
      writeDomain(map, domain);
    }
    for (const phase of roadmap.phases) {
      const map = new Y.Map<unknown>();
      roots.phases.set(phase.id, map);
      writePhase(map, phase);
      for (const period of phase.periods) {
        const periodMap = new Y.Map<unknown>();
        roots.periods.set(period.id, periodMap);
        writePeriod(periodMap, { ...period, phaseId: phase.id });
      }
    }
    for (const card of roadmap.cards) {
      const map = new Y.Map<unknown>();
      roots.cards.set(card.id, map);
      const { checkins, latestStatus: _derived, ...stored } = card;
      writeCard(map, stored);
      for (const checkin of checkins) roots.checkinLog.set(checkin.id, { ...checkin });
    }
    for (const item of roadmap.items) {
      const map = new Y.Map<unknown>();
      roots.items.set(item.id, map);
      writeItem(map, item);
    }
    for (const [id, record] of Object.entries(roadmap.annotations.records)) {
      roots.annotations.set(id, record);
    }
    meta.set(META.schemaVersion, SCHEMA_VERSION);
  }, origin);
  return roadmap;
}
