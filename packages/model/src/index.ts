export { fromJSON } from './doc/fromJSON.ts';
export {
  docRoots,
  META,
  ROOT,
  readSchemaVersion,
  requireCurrentSchema,
  SCHEMA_VERSION,
} from './doc/layout.ts';
export { loadRoadmap } from './doc/loadRoadmap.ts';
export { toJSON } from './doc/toJSON.ts';
export { compareByOrder, isOrderKey, keyBetween, keysBetween } from './fractionalIndex.ts';
export { isModelError, ModelError, type ModelErrorCode } from './ModelError.ts';
export { type BoardRecord, type BoardSettings, DEFAULT_BOARD_SETTINGS } from './records/board.ts';
export {
  CARD_STATE_LABELS,
  CARD_STATES,
  type CardRecord,
  type CardState,
} from './records/card.ts';
export {
  CHECKIN_STATUS_LABELS,
  CHECKIN_STATUSES,
  type CheckinRecord,
  type CheckinStatus,
  isStale,
  latestStatus,
  type Milestone,
  type StatusSummary,
} from './records/checkin.ts';
export type { DomainRecord } from './records/domain.ts';
export type { JsonValue } from './records/expect.ts';
export { ITEM_KIND_LABELS, ITEM_KINDS, type ItemKind, type ItemRecord } from './records/item.ts';
export { type Locale, type Localized, localize } from './records/localized.ts';
export type { PeriodRecord, PhaseRecord } from './records/phase.ts';
export { ROLE_LABELS, ROLES, type Role } from './records/role.ts';
export {
  ROADMAP_FORMAT,
  ROADMAP_JSON_VERSION,
  type Roadmap,
  type RoadmapAnnotations,
  type RoadmapCard,
  validateRoadmap,
} from './roadmap.ts';
export { createTemplateDoc } from './template/createTemplateDoc.ts';
export { templateRoadmap } from './template/templateRoadmap.ts';
