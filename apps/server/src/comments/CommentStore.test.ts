import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NotificationStore } from '../notifications/NotificationStore.ts';
import { accountStoreBackends } from '../test/accountStoreBackends.ts';
import { CommentStore, type NewComment } from './CommentStore.ts';
import { type BoardMember, type CommentContext, notifyComment } from './notifyComment.ts';

const backends = accountStoreBackends('comments');

describe.each(backends)('CommentStore on %s', (_name, open) => {
  async function fixture() {
    const accounts = await open();
    const sql = accounts.executor;
    const comments = new CommentStore(sql);
    const notifications = new NotificationStore(sql);
    const person = async (name: string, role: BoardMember['role'], cardIds: string[] = []) => {
      const user = await accounts.createUser({
        email: `${name}-${randomBytes(3).toString('hex')}@example.ca`,
        name,
        passwordHash: 'x',
        isAdmin: false,
      });
      await accounts.setMembership({ boardId: 'b1', userId: user.id, role, cardIds });
      return { id: user.id, name, email: user.email, role, cardIds } satisfies BoardMember;
    };
    const ada = await person('Ada', 'council');
    const bob = await person('Bob', 'task-team', ['c1']);
    const cy = await person('Cy', 'observer');
    const members = new Map([ada, bob, cy].map((m) => [m.id, m]));
    const context = (mail = false): CommentContext => ({
      members,
      teamCardIds: ['c1'],
      boardTitle: { fr: 'Feuille', en: 'Roadmap' },
      targetLabel: { fr: 'Carte', en: 'Card' },
      link: 'https://example.ca/b/b1?card=c1',
      mail: { enabled: mail, defaultLang: 'en' },
      now: Date.now(),
    });
    let clock = 1_000;
    const comment = (over: Partial<NewComment> = {}): NewComment => ({
      id: globalThis.crypto.randomUUID(),
      boardId: 'b1',
      targetKind: 'card',
      targetId: 'c1',
      parentId: null,
      authorId: ada.id,
      body: 'Hello',
      mentionIds: [],
      createdAt: clock++,
      ...over,
    });
    const create = (input: NewComment, mail = false) =>
      comments.create(input, (tx, c) =>
        notifyComment(tx, { comments, notifications }, c, context(mail)),
      );
    return { accounts, sql, comments, notifications, ada, bob, cy, comment, create, context };
  }

  it('creates, retries, threads, counts, edits, deletes and hides', async () => {
    const { comments, comment, create, ada, bob } = await fixture();
    const root = comment();
    const made = await create(root);
    expect(made.kind).toBe('created');
    expect((await create(root)).kind).toBe('retry');
    expect((await create({ ...root, targetId: 'c2' })).kind).toBe('id-taken');
    expect((await create(comment({ parentId: 'nope' }))).kind).toBe('bad-parent');
    const reply = comment({ parentId: root.id, authorId: bob.id });
    expect((await create(reply)).kind).toBe('created');
    expect((await create(comment({ parentId: reply.id }))).kind).toBe('bad-parent');
    expect((await create(comment({ parentId: root.id, targetKind: 'item' }))).kind).toBe(
      'bad-parent',
    );
    expect((await create(comment({ parentId: root.id, boardId: 'b2' }))).kind).toBe('bad-parent');
    await create(comment({ targetKind: 'item', targetId: 'i1' }));

    const thread = await comments.views(await comments.forTarget('b1', 'card', 'c1'));
    expect(thread.map((c) => [c.author.name, c.parentId])).toEqual([
      ['Ada', null],
      ['Bob', root.id],
    ]);
    expect(await comments.counts('b1')).toEqual({ 'card:c1': 2, 'item:i1': 1 });

    const noop = async () => [];
    expect(
      await comments.edit('b1', root.id, bob.id, { body: 'x', mentionIds: [], at: 5 }, noop),
    ).toBeNull();
    const edited = await comments.edit(
      'b1',
      root.id,
      ada.id,
      { body: 'Edited', mentionIds: [bob.id], at: 5 },
      noop,
    );
    expect(edited?.comment).toMatchObject({ body: 'Edited', editedAt: 5, mentionIds: [bob.id] });

    expect(await comments.remove('b1', root.id, bob.id, 6)).toBeNull();
    const removed = await comments.remove('b1', root.id, ada.id, 6);
    expect(removed).toMatchObject({ deletedAt: 6, body: '' });
    const hidden = await comments.hide('b1', reply.id, ada.id, 7);
    expect(hidden?.hiddenBody).toBe('Hello');
    expect(await comments.hide('b1', reply.id, ada.id, 8)).toBeNull();
    const [view] = await comments.views([(await comments.byId('b1', reply.id))!]);
    expect(view).toMatchObject({ hidden: true, body: null, mentions: [] });
    expect(await comments.counts('b1')).toEqual({ 'item:i1': 1 });
    expect((await comments.since('b1', 0)).length).toBe(3);
  });

  it('notifies each person once per comment, in the same transaction, and mails mentions', async () => {
    const { sql, comments, notifications, comment, create, context, ada, bob, cy } =
      await fixture();
    // Cy turns reply mail off and reads French.
    await sql.run(
      'INSERT INTO mail_preferences (user_id, lang, off_kinds, updated_at) VALUES (?, ?, ?, ?)',
      [cy.id, 'fr', JSON.stringify(['reply']), 1],
    );
    const root = comment({ body: `Hi @[Cy](${cy.id})`, mentionIds: [cy.id, bob.id, ada.id] });
    const made = await create(root, true);
    expect(made.kind === 'created' && made.effects.sort()).toEqual([bob.id, cy.id].sort());
    expect((await notifications.list(cy.id, 10)).map((n) => n.kind)).toEqual(['mention']);
    expect((await notifications.list(bob.id, 10)).map((n) => n.kind)).toEqual(['mention']);
    expect(await notifications.unread(ada.id)).toBe(0);
    // Cy replies: Ada (the root's author) gets a reply; Bob, who did not write in the thread,
    // hears of it as the card's task team.
    const reply = comment({ parentId: root.id, authorId: cy.id, body: 'Yes' });
    await create(reply, true);
    expect((await notifications.list(ada.id, 10)).map((n) => n.kind)).toEqual(['reply']);
    expect((await notifications.list(bob.id, 10)).map((n) => n.kind)).toEqual([
      'team-comment',
      'mention',
    ]);
    // Ada replies: Cy has reply mail off, so a notification and no mail.
    await create(comment({ parentId: root.id, body: 'Good' }), true);
    const mail = await sql.all('SELECT idem_key, kind, lang, email FROM mail_outbox');
    // Team comments are not mailed; Cy's reply to Ada is, Ada's reply to Cy is not.
    expect(mail.map((m) => String(m.idem_key)).sort()).toEqual(
      [
        `mention:${root.id}:${bob.id}`,
        `mention:${root.id}:${cy.id}`,
        `reply:${reply.id}:${ada.id}`,
      ].sort(),
    );
    expect(mail.find((m) => String(m.idem_key).endsWith(cy.id))?.lang).toBe('fr');
    expect(await notifications.unread(cy.id)).toBe(2);

    // A failure inside the effects rolls the comment back with them.
    const failing = comment();
    await expect(
      comments.create(failing, async (tx, c) => {
        await notifyComment(tx, { comments, notifications }, c, context());
        throw new Error('effects failed');
      }),
    ).rejects.toThrow('effects failed');
    expect(await comments.byId('b1', failing.id)).toBeNull();

    // Read one, read all.
    const [first] = await notifications.list(cy.id, 1);
    expect(await notifications.markRead(ada.id, first!.id)).toBe(false);
    expect(await notifications.markRead(cy.id, first!.id)).toBe(true);
    expect(await notifications.unread(cy.id)).toBe(1);
    expect(await notifications.markAllRead(cy.id)).toBe(1);
    expect(await notifications.unread(cy.id)).toBe(0);
  });
});
