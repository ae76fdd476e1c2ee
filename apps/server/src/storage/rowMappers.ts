import type { BoardInfo, BoardTemplate, CatalogEntry, VersionInfo } from './Storage.ts';

/**
 * Rows to records, shared by the SQLite and PostgreSQL adapters. Numbers go through Number():
 * SQLite returns numbers, PostgreSQL returns its bigint columns as strings.
 */
export interface InfoRow {
  id: string;
  updated_at: number | string;
  state_bytes: number | string;
  log_length: number | string;
  log_bytes: number | string;
}

export function toInfo(row: InfoRow): BoardInfo {
  return {
    id: row.id,
    updatedAt: Number(row.updated_at),
    stateBytes: Number(row.state_bytes),
    logLength: Number(row.log_length),
    logBytes: Number(row.log_bytes),
  };
}

export interface CatalogRow {
  id: string;
  title_fr: string;
  title_en: string;
  template: string;
  created_at: number | string;
  updated_at: number | string;
}

export function toCatalogEntry(row: CatalogRow): CatalogEntry {
  return {
    id: row.id,
    title: { fr: row.title_fr, en: row.title_en },
    template: row.template as BoardTemplate,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function toVersion(row: Record<string, unknown>): VersionInfo {
  return {
    id: String(row.id),
    boardId: String(row.board_id),
    name: String(row.name),
    note: String(row.note),
    kind: String(row.kind) as VersionInfo['kind'],
    authorId: row.author_id == null ? null : String(row.author_id),
    authorName: row.author_name == null ? null : String(row.author_name),
    createdAt: Number(row.created_at),
    bytes: Number(row.bytes),
  };
}
