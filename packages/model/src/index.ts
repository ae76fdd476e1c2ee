export {
  BOARD_ROLE_LABELS,
  BOARD_ROLES,
  type BoardMembership,
  type BoardRole,
  canAdminister,
  canCheckIn,
  canEdit,
  isBoardRole,
} from './access/boardRole.ts';
export { isEmptyAnnotation } from './annotations/isEmptyAnnotation.ts';
export { beforeRestoreName, beforeRestoreNameIn } from './beforeRestoreName.ts';
export { type AddDomainInput, addDomain } from './commands/addDomain.ts';
export { type AddPeriodInput, addPeriod } from './commands/addPeriod.ts';
export { type AddPhaseInput, addPhase } from './commands/addPhase.ts';
export { type ArchiveCardInput, archiveCard } from './commands/archiveCard.ts';
export { type CreateCardInput, createCard } from './commands/createCard.ts';
export { type CreateItemInput, createItem } from './commands/createItem.ts';
export { type MoveCardInput, moveCard } from './commands/moveCard.ts';
export type { Position } from './commands/Position.ts';
export { type RecolourDomainInput, recolourDomain } from './commands/recolourDomain.ts';
export { type RecordCheckinInput, recordCheckin } from './commands/recordCheckin.ts';
export { type RemoveDomainInput, removeDomain } from './commands/removeDomain.ts';
export { type RemoveItemInput, removeItem } from './commands/removeItem.ts';
export { type RenameDomainInput, renameDomain } from './commands/renameDomain.ts';
export { type RenamePeriodInput, renamePeriod } from './commands/renamePeriod.ts';
export { type RenamePhaseInput, renamePhase } from './commands/renamePhase.ts';
export { type ReorderCardInput, reorderCard } from './commands/reorderCard.ts';
export { type ReorderDomainInput, reorderDomain } from './commands/reorderDomain.ts';
export { type RestoreCardInput, restoreCard } from './commands/restoreCard.ts';
export { setAnnotationsSchema } from './commands/setAnnotationsSchema.ts';
export { type SetPeriodDatesInput, setPeriodDates } from './commands/setPeriodDates.ts';
export { type SetPhaseDatesInput, setPhaseDates } from './commands/setPhaseDates.ts';
export { type UpdateBoardInput, updateBoard } from './commands/updateBoard.ts';
export { type UpdateCardInput, updateCard } from './commands/updateCard.ts';
export { type UpdateItemInput, updateItem } from './commands/updateItem.ts';
export {
  CARD_DIFF_FIELDS,
  type CardDiffField,
  type CellRef,
  type Change,
  type ChangeKind,
  diff,
  ITEM_DIFF_FIELDS,
  type ItemDiffField,
  type ItemPlace,
  type PeriodRef,
} from './diff.ts';
export {
  findInvalidRecords,
  type InvalidRecord,
  RECORD_ROOTS,
  type RecordRef,
  type StoredFix,
} from './doc/findInvalidRecords.ts';
export { fromJSON } from './doc/fromJSON.ts';
export {
  docRoots,
  META,
  ROOT,
  readSchemaVersion,
  requireCurrentSchema,
  SCHEMA_VERSION,
  /** @deprecated Alias kept from the package skeleton; use SCHEMA_VERSION. */
  SCHEMA_VERSION as MODEL_SCHEMA_VERSION,
} from './doc/layout.ts';
export { loadRoadmap } from './doc/loadRoadmap.ts';
export {
  MIGRATIONS,
  type MigrateOptions,
  type Migration,
  type MigrationResult,
  migrateDoc,
} from './doc/migrations.ts';
export { readTolerant } from './doc/readTolerant.ts';
export { replaceContent } from './doc/replaceContent.ts';
export { toJSON } from './doc/toJSON.ts';
export { compareByOrder, isOrderKey, keyBetween, keysBetween } from './fractionalIndex.ts';
export { newId } from './ids.ts';
export { normalizeTitle, type TitleCheck } from './input/normalizeTitle.ts';
export {
  type CheckinInput,
  type InputError,
  type Parsed,
  parseCheckinInput,
} from './input/parseCheckinInput.ts';
export {
  ACTION_TITLE_MAX,
  BOARD_TITLE_MAX,
  CARD_TITLE_MAX,
  CHECKIN_TEXT_MAX,
  DECISION_TEXT_MAX,
  ENTRY_MINUTES_MAX,
  ITEM_CARDS_MAX,
  ITEM_LABEL_MAX,
  LABEL_MAX,
  MEETING_AGENDA_MAX,
  MEETING_TITLE_MAX,
  MILESTONE_LABEL_MAX,
  MIN_PASSWORD_LENGTH,
  NAME_MAX,
  VERSION_NAME_MAX,
  VERSION_NOTE_MAX,
  VOTE_DOTS_MAX,
  VOTE_OPTIONS_MAX,
} from './limits.ts';
export { isModelError, ModelError, type ModelErrorCode } from './ModelError.ts';
export {
  ACTION_STATES,
  type Action,
  type ActionState,
  AGENDA_REASONS,
  type AgendaEntry,
  type AgendaEntryInput,
  type AgendaReason,
  type Decision,
  type LocalizedText,
  type Meeting,
  type MeetingDetail,
  type MeetingState,
  type MeetingTarget,
  type Person,
  type TargetKind,
  type Vote,
  type VoteOption,
  type VoteTarget,
} from './meetings/meetingTypes.ts';
export {
  PRESENCE_NAME_MAX,
  type Presence,
  type PresenceCanvas,
  type PresenceDrag,
  type PresenceUser,
  parsePresence,
  parsePresencePart,
} from './presence/parsePresence.ts';
export {
  type BoardRecord,
  type BoardSettings,
  DEFAULT_BOARD_SETTINGS,
  validateBoard,
} from './records/board.ts';
export {
  CARD_STATE_LABELS,
  CARD_STATES,
  type CardRecord,
  type CardState,
  validateCard,
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
  validateCheckin,
} from './records/checkin.ts';
export {
  type DomainRecord,
  FALLBACK_DOMAIN_COLOUR,
  validateDomain,
} from './records/domain.ts';
export type { JsonValue } from './records/expect.ts';
export {
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  type ItemKind,
  type ItemRecord,
  validateItem,
} from './records/item.ts';
export { type Locale, type Localized, localize } from './records/localized.ts';
export {
  type PeriodRecord,
  type PhaseRecord,
  validatePeriod,
  validatePhase,
} from './records/phase.ts';
export { ROLE_LABELS, ROLES, type Role } from './records/role.ts';
export type { RecordKind, RecordProblem } from './repair/RecordProblem.ts';
export { repairRoadmap, type TolerantRoadmap } from './repair/repairRoadmap.ts';
export {
  ROADMAP_FORMAT,
  ROADMAP_JSON_VERSION,
  type Roadmap,
  type RoadmapAnnotations,
  type RoadmapCard,
  validateRoadmap,
} from './roadmap.ts';
export {
  BOARD_STRUCTURE_LIMITS,
  type BoardStructure,
  DEFAULT_PERIOD_COUNT,
  DEFAULT_PERIOD_MONTHS,
  datedPhases,
  parseBoardStructure,
  type StructureError,
} from './template/boardStructure.ts';
export { createTemplateDoc } from './template/createTemplateDoc.ts';
export { templateRoadmap } from './template/templateRoadmap.ts';
