import type { AccountStore } from '../auth/AccountStore.ts';
import type { Storage, VersionInfo } from '../storage/Storage.ts';
import type { Versions } from '../versions/Versions.ts';
import { digestLines } from './digestLines.ts';
import { enqueueMail } from './enqueueMail.ts';
import type { Bilingual } from './MailKind.ts';
import { mailLanguage, mailWanted } from './MailPreferences.ts';
import type { Lang } from './renderMail.ts';

export interface DigestDeps {
  accounts: AccountStore;
  storage: Storage;
  versions: Versions;
  publicUrl: () => string;
  defaultLang: Lang;
}

/** Lines kept in one digest; the rest are counted. */
const LINES_MAX = 30;

/**
 * Enqueues the digest of a named version to the board's council and secretariat members: the
 * changes since the previous named version, counted by kind. Keyed `digest:<version>:<user>`,
 * so enqueuing twice (the start's sweep after a crash, two instances) sends once. Returns the
 * messages enqueued.
 */
export async function sendDigest(deps: DigestDeps, version: VersionInfo): Promise<number> {
  const { boardId } = version;
  const entry = await deps.storage.catalogEntry(boardId);
  if (!entry) return 0;
  const older = (await deps.versions.list(boardId)).filter(
    (v) =>
      v.kind === 'named' &&
      v.id !== version.id &&
      (v.createdAt < version.createdAt || (v.createdAt === version.createdAt && v.id < version.id)),
  );
  const previous = older.sort((a, b) => b.createdAt - a.createdAt)[0];
  let lines: Bilingual[];
  let link: string;
  const base = `${deps.publicUrl()}/b/${encodeURIComponent(boardId)}/versions`;
  if (previous) {
    const changes = (await deps.versions.compare(boardId, previous.id, version.id)) ?? [];
    lines = digestLines(changes);
    link = `${base}/${encodeURIComponent(previous.id)}/compare/${encodeURIComponent(version.id)}`;
  } else {
    const cards = (await deps.versions.roadmap(boardId, version.id))?.roadmap.cards.length ?? 0;
    lines = [
      {
        en: `First named version of the board: ${cards} ${cards === 1 ? 'card' : 'cards'}`,
        fr: `Première version nommée du tableau : ${cards} ${cards === 1 ? 'carte' : 'cartes'}`,
      },
    ];
    link = `${base}/${encodeURIComponent(version.id)}`;
  }
  const members = (await deps.accounts.members(boardId)).filter(
    (m) => m.role === 'council' || m.role === 'secretariat',
  );
  const sql = deps.accounts.executor;
  return sql.transaction(async (tx) => {
    let count = 0;
    for (const member of members) {
      if (!(await mailWanted(tx, member.userId, 'digest'))) continue;
      const added = await enqueueMail(tx, {
        key: `digest:${version.id}:${member.userId}`,
        kind: 'digest',
        boardId,
        userId: member.userId,
        email: member.email,
        lang: await mailLanguage(tx, member.userId, deps.defaultLang),
        payload: {
          boardId,
          boardTitle: { fr: entry.title.fr, en: entry.title.en },
          versionName: version.name,
          lines: lines.slice(0, LINES_MAX),
          more: Math.max(0, lines.length - LINES_MAX),
          link,
        },
      });
      if (added) count++;
    }
    return count;
  });
}

/**
 * At start: the digests of named versions of the last `days` days that have no message yet (a
 * crash between taking the version and enqueuing loses nothing). Returns the messages enqueued.
 */
export async function sweepDigests(deps: DigestDeps, now = Date.now(), days = 7): Promise<number> {
  const since = now - days * 86_400_000;
  let enqueued = 0;
  for (const entry of await deps.storage.listCatalog()) {
    for (const version of await deps.versions.list(entry.id)) {
      if (version.kind !== 'named' || version.createdAt < since) continue;
      const [row] = await deps.accounts.executor.all(
        'SELECT COUNT(*) AS n FROM mail_outbox WHERE idem_key LIKE ?',
        [`digest:${version.id}:%`],
      );
      if (Number(row?.n ?? 0) > 0) continue;
      // A decision's version is announced by nobody (the meeting pack is its record).
      const decided = await deps.accounts.executor.all(
        'SELECT 1 AS d FROM decisions WHERE version_id = ?',
        [version.id],
      );
      if (decided.length > 0) continue;
      enqueued += await sendDigest(deps, version);
    }
  }
  return enqueued;
}
