import type { Action, BoardMembership, MeetingTarget, TargetKind } from '@fdr/model';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { User } from '../auth/AccountStore.ts';
import type { Auth } from '../auth/Auth.ts';
import { AuthError } from '../auth/AuthError.ts';
import type { SqlExecutor } from '../auth/SqlExecutor.ts';
import { enqueueMail } from '../mail/enqueueMail.ts';
import { mailLanguage } from '../mail/MailPreferences.ts';
import type { Lang } from '../mail/renderMail.ts';
import { wake } from '../mail/wake.ts';
import { decisionsCsv } from '../meetings/decisionsCsv.ts';
import { decisionVersion } from '../meetings/decisionVersion.ts';
import type { DecisionFilter, MeetingStore } from '../meetings/MeetingStore.ts';
import {
  actionInput,
  actionPatch,
  anId,
  decisionInput,
  dotInput,
  type MeetingLimits,
  meetingInput,
  meetingPatch,
  presentInput,
  QUERY_MAX,
  refuse,
  target,
  voteInput,
} from '../meetings/meetingInput.ts';
import { type MeetingTargets, meetingTargets } from '../meetings/meetingTargets.ts';
import type { LiveEvents } from '../notifications/LiveEvents.ts';
import type { Storage } from '../storage/Storage.ts';
import type { BoardRegistry } from '../sync/BoardRegistry.ts';
import type { Versions } from '../versions/Versions.ts';
import { type AuthEnv, currentUser } from './authRoutes.ts';
import { boardAccess } from './boardAccess.ts';
import { jsonBody } from './jsonBody.ts';

export interface MeetingRouteDeps {
  auth: Auth;
  storage: Storage;
  registry: BoardRegistry;
  versions: Versions;
  logger: Logger;
  meetings: MeetingStore;
  live: LiveEvents;
  limits: MeetingLimits;
  publicUrl: () => string;
  /** An action's owner is mailed only when mail is configured. */
  mailEnabled?: boolean;
  mailDefaultLang?: Lang;
  /** The server's clock (tests move it). */
  now?: () => number;
}

/** A dot, a close or a presenter's step: a few hundred bytes at most. */
export const SMALL_BODY_MAX = 2048;

const tooLarge = (c: Context) =>
  c.json(
    {
      error: 'The request body is too large.',
      errorFr: 'Le corps de la requête est trop volumineux.',
      code: 'too-large',
    },
    413,
  );

const secretariatOnly = () =>
  new AuthError(403, 'secretariat-only', {
    en: 'Only the secretariat runs meetings.',
    fr: 'Seul le secrétariat conduit les réunions.',
  });

const mayNotVote = () =>
  new AuthError(403, 'may-not-vote', {
    en: 'Only council members vote.',
    fr: 'Seuls les membres du conseil votent.',
  });

const noMeeting = () =>
  new AuthError(404, 'no-meeting', { en: 'No such meeting.', fr: 'Réunion introuvable.' });
const noVote = () =>
  new AuthError(404, 'no-vote', { en: 'No such vote.', fr: 'Vote introuvable.' });
const noAction = () =>
  new AuthError(404, 'no-action', { en: 'No such action.', fr: 'Action introuvable.' });
const voteClosed = () =>
  new AuthError(409, 'vote-closed', { en: 'This vote is closed.', fr: 'Ce vote est clos.' });

const KIND_FR: Record<TargetKind, string> = {
  card: 'Carte introuvable',
  item: 'Élément introuvable',
  domain: 'Domaine introuvable',
};

function checkTargets(found: MeetingTargets, list: readonly (MeetingTarget | null)[]): void {
  for (const t of list) {
    if (t && !found.has(t.kind, t.id)) {
      throw refuse(
        'unknown-target',
        `No such ${t.kind} on this board: ${t.id}.`,
        `${KIND_FR[t.kind]} sur ce tableau : ${t.id}.`,
      );
    }
  }
}

/**
 * Meetings of a board: agendas and the presenter's walk, dot votes (council members vote; the
 * server caps each voter's dots and keeps secret ballots secret), decisions with their named
 * version, actions and their mail. Every write is audited where the issue asks and tells the
 * board's open streams (`meetings`).
 */
export function meetingRoutes(deps: MeetingRouteDeps) {
  const { auth, storage, registry, logger, meetings, live, limits } = deps;
  const now = deps.now ?? Date.now;
  const app = new Hono<AuthEnv>();
  const small = bodyLimit({ maxSize: SMALL_BODY_MAX, onError: tooLarge });
  // The largest legitimate body: a full agenda of longest titles, escaped (\uXXXX is 6 bytes).
  const large = bodyLimit({
    maxSize:
      Math.max(
        limits.agendaMax * (limits.titleMax * 2 * 6 + 600),
        limits.decisionMax * 2 * 6 + limits.optionsMax * 300,
        limits.optionsMax * 300 + limits.titleMax * 12,
      ) + 4096,
    onError: tooLarge,
  });

  const access = async (c: Context<AuthEnv>) => {
    const user = currentUser(c);
    const boardId = c.req.param('boardId') ?? '';
    const membership = await boardAccess(auth, storage, user, boardId);
    return { user, boardId, membership };
  };

  const secretariat = async (c: Context<AuthEnv>) => {
    const found = await access(c);
    if (found.membership.role !== 'secretariat') throw secretariatOnly();
    return found;
  };

  const announce = (boardId: string, meetingId: string | null) =>
    live.toBoard(boardId, { event: 'meetings', data: { boardId, meetingId } });

  const audit = (
    user: User | null,
    action: string,
    boardId: string,
    targetId: string,
    details: Record<string, unknown> = {},
  ) =>
    auth.store.audit({
      actorId: user?.id ?? null,
      actorEmail: user?.email ?? null,
      action,
      boardId,
      target: targetId,
      details,
    });

  const meetingOf = async (boardId: string, meetingId: string) => {
    const found = await meetings.meeting(boardId, meetingId);
    if (!found) throw noMeeting();
    return found;
  };

  // Meetings

  app.get('/boards/:boardId/meetings', async (c) => {
    const { boardId } = await access(c);
    return c.json({ meetings: await meetings.meetings(boardId) });
  });

  app.post('/boards/:boardId/meetings', large, async (c) => {
    const { user, boardId } = await secretariat(c);
    const input = meetingInput(await jsonBody(c), limits);
    if (input.agenda.length > 0) {
      checkTargets(
        await meetingTargets(registry, boardId),
        input.agenda.map((e) => e.target),
      );
    }
    const meeting = await meetings.createMeeting({
      id: globalThis.crypto.randomUUID(),
      boardId,
      title: input.title,
      heldOn: input.heldOn,
      agenda: input.agenda,
      createdBy: user.id,
      now: now(),
    });
    await audit(user, 'meeting-created', boardId, meeting.id, {
      title: meeting.title,
      heldOn: meeting.heldOn,
    });
    announce(boardId, meeting.id);
    return c.json({ meeting }, 201);
  });

  app.get('/boards/:boardId/meetings/:meetingId', async (c) => {
    const { user, boardId } = await access(c);
    const meeting = await meetingOf(boardId, c.req.param('meetingId'));
    const at = now();
    return c.json({
      meeting,
      votes: await meetings.votes(boardId, user.id, at, { meetingId: meeting.id }),
      decisions: await meetings.decisions(boardId, { meetingId: meeting.id }),
      actions: await meetings.actions(boardId, at, meeting.id),
    });
  });

  app.patch('/boards/:boardId/meetings/:meetingId', large, async (c) => {
    const { boardId } = await secretariat(c);
    const meetingId = c.req.param('meetingId');
    const patch = meetingPatch(await jsonBody(c), limits);
    await meetingOf(boardId, meetingId);
    if (patch.agenda && patch.agenda.length > 0) {
      checkTargets(
        await meetingTargets(registry, boardId),
        patch.agenda.map((e) => e.target),
      );
    }
    const meeting = await meetings.updateMeeting(boardId, meetingId, patch, now());
    if (!meeting) throw noMeeting();
    announce(boardId, meetingId);
    return c.json({ meeting });
  });

  app.post('/boards/:boardId/meetings/:meetingId/present', small, async (c) => {
    const { user, boardId } = await secretariat(c);
    const meetingId = c.req.param('meetingId');
    const input = presentInput(await jsonBody(c));
    const at = now();
    const result = await meetings.present(
      boardId,
      meetingId,
      input.end
        ? { end: true }
        : {
            end: false,
            presenterId: user.id,
            entryId: input.entryId,
            timerEndsAt: input.timerMinutes === null ? null : at + input.timerMinutes * 60_000,
          },
      at,
    );
    if (result === null) throw noMeeting();
    if (result === 'no-entry') {
      throw refuse(
        'unknown-entry',
        'This entry is not on the meeting’s agenda.',
        'Ce point n’est pas à l’ordre du jour de la réunion.',
      );
    }
    const { meeting, before } = result;
    if (meeting.state === 'live' && before !== 'live') {
      await audit(user, 'meeting-started', boardId, meetingId);
    }
    if (meeting.state === 'ended' && before !== 'ended') {
      await audit(user, 'meeting-ended', boardId, meetingId);
    }
    announce(boardId, meetingId);
    return c.json({ meeting });
  });

  // Votes

  app.get('/boards/:boardId/votes', async (c) => {
    const { user, boardId } = await access(c);
    return c.json({ votes: await meetings.votes(boardId, user.id, now()) });
  });

  app.post('/boards/:boardId/meetings/:meetingId/votes', large, async (c) => {
    const { user, boardId } = await secretariat(c);
    const meetingId = c.req.param('meetingId');
    const at = now();
    const input = voteInput(await jsonBody(c), limits, at);
    await meetingOf(boardId, meetingId);
    checkTargets(await meetingTargets(registry, boardId), input.targets);
    const id = globalThis.crypto.randomUUID();
    await meetings.openVote({ id, boardId, meetingId, ...input, openedBy: user.id, now: at });
    await audit(user, 'vote-opened', boardId, id, {
      meetingId,
      options: input.targets.length,
      votesPerVoter: input.votesPerVoter,
      secret: input.secret,
      liveResults: input.liveResults,
      closesAt: input.closesAt,
    });
    announce(boardId, meetingId);
    const vote = await meetings.vote(boardId, id, user.id, at);
    return c.json({ vote }, 201);
  });

  app.post('/boards/:boardId/votes/:voteId/close', small, async (c) => {
    const { user, boardId } = await secretariat(c);
    const voteId = c.req.param('voteId');
    const at = now();
    const outcome = await meetings.closeVote(boardId, voteId, user.id, at);
    if (outcome === null) throw noVote();
    const vote = await meetings.vote(boardId, voteId, user.id, at);
    if (!vote) throw noVote();
    if (outcome === 'closed') {
      await audit(user, 'vote-closed', boardId, voteId, { by: 'hand', meetingId: vote.meetingId });
      announce(boardId, vote.meetingId);
    }
    return c.json({ vote });
  });

  /** Only council members vote (an administrator without a membership runs, not votes). */
  const voter = async (c: Context<AuthEnv>) => {
    const found = await access(c);
    if (!mayVote(found.membership)) throw mayNotVote();
    return found;
  };

  app.post('/boards/:boardId/votes/:voteId/dots', small, async (c) => {
    const { user, boardId } = await voter(c);
    const voteId = anId(c.req.param('voteId'), 'voteId');
    // Who votes is the session's person: the body names only the target.
    const dot = dotInput(await jsonBody(c));
    const at = now();
    const outcome = await meetings.addDot(boardId, voteId, user.id, dot, at);
    if (outcome !== 'added') {
      logger.info({ board: boardId, vote: voteId, user: user.id, outcome }, 'dot refused');
    }
    if (outcome === 'no-vote') throw noVote();
    if (outcome === 'closed') throw voteClosed();
    if (outcome === 'not-an-option') {
      throw refuse(
        'not-an-option',
        'This card or item is not an option of the vote.',
        'Cette carte ou cet élément ne fait pas partie du vote.',
      );
    }
    if (outcome === 'no-votes-left') {
      throw new AuthError(409, 'no-votes-left', {
        en: 'You have used all your votes.',
        fr: 'Vous avez utilisé tous vos votes.',
      });
    }
    const vote = await meetings.vote(boardId, voteId, user.id, at);
    if (!vote) throw noVote();
    announce(boardId, vote.meetingId);
    return c.json({ vote }, 201);
  });

  app.delete('/boards/:boardId/votes/:voteId/dots', async (c) => {
    const { user, boardId } = await voter(c);
    const voteId = anId(c.req.param('voteId'), 'voteId');
    const dot = target({ kind: c.req.query('kind'), id: c.req.query('id') }, 'target', [
      'card',
      'item',
    ] as const);
    const at = now();
    const outcome = await meetings.removeDot(boardId, voteId, user.id, dot, at);
    if (outcome === 'no-vote') throw noVote();
    if (outcome === 'closed') throw voteClosed();
    if (outcome === 'no-dot') {
      throw new AuthError(404, 'no-dot', {
        en: 'You have no vote on this option.',
        fr: 'Vous n’avez pas de vote sur cette option.',
      });
    }
    const vote = await meetings.vote(boardId, voteId, user.id, at);
    if (!vote) throw noVote();
    announce(boardId, vote.meetingId);
    return c.json({ vote });
  });

  // Decisions

  app.post('/boards/:boardId/meetings/:meetingId/decisions', large, async (c) => {
    const { user, boardId } = await secretariat(c);
    const meetingId = c.req.param('meetingId');
    const input = decisionInput(await jsonBody(c), limits);
    const meeting = await meetingOf(boardId, meetingId);
    checkTargets(await meetingTargets(registry, boardId), input.targets);
    // The version first: a decision always names a version that exists.
    const { name, note } = decisionVersion(meeting.heldOn, input.text);
    const version = await deps.versions.take(
      boardId,
      { name, note, kind: 'named', authorId: user.id, authorName: user.name },
      // No digest mail per decision: the meeting pack is the meeting's record.
      { announce: false },
    );
    const id = globalThis.crypto.randomUUID();
    await meetings.recordDecision({
      id,
      boardId,
      meetingId,
      text: input.text,
      targets: input.targets,
      versionId: version.id,
      versionName: version.name,
      recordedBy: user.id,
      now: now(),
    });
    await audit(user, 'decision-recorded', boardId, id, {
      meetingId,
      versionId: version.id,
      targets: input.targets.map((t) => `${t.kind}:${t.id}`),
    });
    announce(boardId, meetingId);
    const decision = (await meetings.decisions(boardId, { meetingId })).find((d) => d.id === id);
    return c.json({ decision }, 201);
  });

  const decisionFilter = (c: Context<AuthEnv>): DecisionFilter => {
    const filter: DecisionFilter = {};
    const meetingId = c.req.query('meetingId');
    if (meetingId) filter.meetingId = anId(meetingId, 'meetingId');
    const targetText = c.req.query('target');
    if (targetText) {
      const at = targetText.indexOf(':');
      filter.target = target(
        { kind: targetText.slice(0, at), id: targetText.slice(at + 1) },
        'target',
        ['card', 'item', 'domain'] as const,
      );
    }
    for (const bound of ['from', 'to'] as const) {
      const raw = c.req.query(bound);
      if (raw === undefined || raw === '') continue;
      const value = Number(raw);
      if (!Number.isSafeInteger(value) || value < 0) {
        throw refuse(
          `invalid-${bound}`,
          `${bound} must be a time in milliseconds.`,
          `${bound} doit être une date en millisecondes.`,
        );
      }
      filter[bound] = value;
    }
    const q = c.req.query('q');
    if (q) {
      if (q.length > QUERY_MAX) {
        throw refuse(
          'invalid-q',
          `q is limited to ${QUERY_MAX} characters.`,
          `q est limité à ${QUERY_MAX} caractères.`,
        );
      }
      filter.q = q.trim();
    }
    return filter;
  };

  app.get('/boards/:boardId/decisions', async (c) => {
    const { boardId } = await access(c);
    return c.json({ decisions: await meetings.decisions(boardId, decisionFilter(c)) });
  });

  app.get('/boards/:boardId/decisions.csv', async (c) => {
    const { boardId } = await access(c);
    const csv = decisionsCsv(await meetings.decisions(boardId, decisionFilter(c)));
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="decisions.csv"',
      'cache-control': 'no-store',
    });
  });

  // Actions

  /** An owner is a member of the board who is not an observer. */
  const ownerOf = async (boardId: string, ownerId: string) => {
    const member = (await auth.store.members(boardId)).find((m) => m.userId === ownerId);
    if (!member || member.role === 'observer') {
      throw refuse(
        'bad-owner',
        'An action’s owner is a member of the board who is not an observer.',
        'Le responsable d’une action est un membre du tableau qui n’est pas observateur.',
      );
    }
    return member;
  };

  const assignedMail = async (
    tx: SqlExecutor,
    action: Action,
    ownerEmail: string,
    boardTitle: { fr: string; en: string },
    assigner: User,
  ) => {
    if (!deps.mailEnabled || ownerEmail === '') return false;
    return enqueueMail(tx, {
      key: `action-assigned:${action.id}:${action.owner.id}`,
      kind: 'action-assigned',
      boardId: action.boardId,
      userId: action.owner.id,
      email: ownerEmail,
      lang: await mailLanguage(tx, action.owner.id, deps.mailDefaultLang ?? 'en'),
      payload: {
        boardId: action.boardId,
        boardTitle,
        actionTitle: action.title,
        dueOn: action.dueOn,
        assignerName: assigner.name,
        link: `${deps.publicUrl()}/me`,
      },
    });
  };

  app.get('/boards/:boardId/actions', async (c) => {
    const { boardId } = await access(c);
    return c.json({ actions: await meetings.actions(boardId, now()) });
  });

  app.post('/boards/:boardId/actions', large, async (c) => {
    const { user, boardId } = await secretariat(c);
    const input = actionInput(await jsonBody(c), limits);
    await ownerOf(boardId, input.ownerId);
    if (input.meetingId !== null) await meetingOf(boardId, input.meetingId);
    if (input.decisionId !== null && !(await meetings.decisionExists(boardId, input.decisionId))) {
      throw new AuthError(404, 'no-decision', {
        en: 'No such decision.',
        fr: 'Décision introuvable.',
      });
    }
    const found = await meetingTargets(registry, boardId);
    checkTargets(found, [input.target]);
    const at = now();
    const created = await meetings.createAction(
      { id: globalThis.crypto.randomUUID(), boardId, ...input, createdBy: user.id, now: at },
      (tx, action, email) => assignedMail(tx, action, email, found.boardTitle, user),
    );
    if (created.effects) wake();
    await audit(user, 'action-assigned', boardId, created.action.id, {
      ownerId: input.ownerId,
      dueOn: input.dueOn,
      meetingId: input.meetingId,
    });
    announce(boardId, input.meetingId);
    return c.json({ action: created.action }, 201);
  });

  app.patch('/boards/:boardId/actions/:actionId', large, async (c) => {
    const { user, boardId, membership } = await access(c);
    const actionId = c.req.param('actionId');
    const patch = actionPatch(await jsonBody(c), limits);
    const at = now();
    const found = await meetings.action(boardId, actionId, at);
    if (!found) throw noAction();
    const isSecretariat = membership.role === 'secretariat';
    if (!isSecretariat) {
      if (found.owner.id !== user.id) {
        throw new AuthError(403, 'not-your-action', {
          en: 'Only its owner or the secretariat may change an action.',
          fr: 'Seuls son responsable et le secrétariat peuvent modifier une action.',
        });
      }
      const others = Object.keys(patch).filter((k) => k !== 'state');
      if (others.length > 0) {
        throw new AuthError(403, 'owner-state-only', {
          en: 'An action’s owner changes its state only.',
          fr: 'Le responsable d’une action n’en change que l’état.',
        });
      }
    }
    if (patch.ownerId !== undefined) await ownerOf(boardId, patch.ownerId);
    const boardTitle =
      patch.ownerId !== undefined && patch.ownerId !== found.owner.id
        ? (await meetingTargets(registry, boardId)).boardTitle
        : null;
    const updated = await meetings.updateAction(
      boardId,
      actionId,
      patch,
      at,
      async (tx, before, after, email) =>
        boardTitle !== null && before.owner.id !== after.owner.id
          ? assignedMail(tx, after, email, boardTitle, user)
          : false,
    );
    if (!updated) throw noAction();
    if (updated.effects) wake();
    await audit(user, 'action-updated', boardId, actionId, {
      changes: patch,
      byOwner: !isSecretariat,
    });
    announce(boardId, updated.action.meetingId);
    return c.json({ action: updated.action });
  });

  app.get('/me/actions', async (c) => {
    const user = currentUser(c);
    const boards = new Map<string, { fr: string; en: string }>();
    for (const m of await auth.store.membershipsOf(user.id)) {
      const entry = await storage.catalogEntry(m.boardId);
      if (entry) boards.set(m.boardId, { fr: entry.title.fr, en: entry.title.en });
    }
    const actions = await meetings.actionsOf(user.id, [...boards.keys()], now());
    return c.json({
      actions: actions.map((a) => ({ ...a, boardTitle: boards.get(a.boardId) })),
    });
  });

  return app;
}

export function mayVote(membership: BoardMembership): boolean {
  return membership.role === 'council';
}
