import { createTemplateDoc, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import type { CommentView } from './commentsApi.ts';
import { discussionsOf } from './discussions.ts';
import { threadsOf, visibleCount } from './threads.ts';

let n = 0;
function comment(part: Partial<CommentView>): CommentView {
  n += 1;
  return {
    id: `c${n}`,
    boardId: 'b',
    targetKind: 'card',
    targetId: 'card-security',
    parentId: null,
    author: { id: 'u1', name: 'Ann' },
    body: `Body ${n}`,
    mentions: [],
    createdAt: n * 1000,
    editedAt: null,
    deleted: false,
    hidden: false,
    ...part,
  };
}

describe('threads', () => {
  it('puts replies under their root, oldest first, and keeps orphans', () => {
    const a = comment({ createdAt: 1 });
    const b = comment({ createdAt: 5 });
    const a1 = comment({ parentId: a.id, createdAt: 7 });
    const a0 = comment({ parentId: a.id, createdAt: 6 });
    const orphan = comment({ parentId: 'gone', createdAt: 3 });
    const threads = threadsOf([b, a1, orphan, a, a0]);
    expect(threads.map((t) => t.root.id)).toEqual([a.id, orphan.id, b.id]);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual([a0.id, a1.id]);
    expect(visibleCount([a, comment({ deleted: true }), comment({ hidden: true })])).toBe(1);
  });
});

describe('discussions since a date', () => {
  const roadmap = toJSON(createTemplateDoc());
  const item = roadmap.items[0]!;

  it('groups by target with the count and the latest readable excerpt, newest first', () => {
    const list = [
      comment({ createdAt: 10, body: 'first' }),
      comment({ createdAt: 30, body: null, deleted: true }),
      comment({ createdAt: 20, body: 'second' }),
      comment({ targetKind: 'item', targetId: item.id, createdAt: 40 }),
      comment({
        targetKind: 'card',
        targetId: 'gone',
        createdAt: 5,
        targetLabel: { fr: 'Ancienne', en: 'Old' },
      } as Partial<CommentView>),
    ];
    const en = discussionsOf(list, 'en', roadmap);
    expect(en.map((d) => [d.targetKind, d.count])).toEqual([
      ['item', 1],
      ['card', 3],
      ['card', 1],
    ]);
    expect(en[0]!.label).toBe(item.label.en || item.label.fr);
    expect(en[1]!.label).toBe('Security');
    expect(en[1]!.latest.body).toBe('second');
    expect(en[2]!.label).toBe('Old');
    expect(discussionsOf(list, 'fr', null)[1]!.label).toBe(null);
  });
});
