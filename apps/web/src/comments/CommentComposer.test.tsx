import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentBody } from './CommentBody.tsx';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentThread } from './CommentThread.tsx';
import type { CommentView } from './commentsApi.ts';
import { DiscussionList } from './Discussions.tsx';
import { discussionsOf } from './discussions.ts';

const comment: CommentView = {
  id: 'c1',
  boardId: 'b',
  targetKind: 'card',
  targetId: 'card-1',
  parentId: null,
  author: { id: 'u1', name: 'Ann' },
  body: 'See @[Ève Roy](u2) and @[Mallory](u9)',
  mentions: [{ id: 'u2', name: 'Ève Roy' }],
  createdAt: 0,
  editedAt: null,
  deleted: false,
  hidden: false,
};

describe('the comment composer', () => {
  it('is a labelled ARIA 1.2 combobox over a listbox, closed at first', () => {
    const html = renderToStaticMarkup(
      <CommentComposer
        label="New comment"
        submitLabel="Post"
        lang="en"
        people={[]}
        onSubmit={async () => {}}
      />,
    );
    expect(html).toMatch(/<label for="([^"]+)-body"[^>]*>New comment<\/label>/);
    expect(html).toContain('role="combobox"');
    expect(html).toContain('aria-autocomplete="list"');
    expect(html).toContain('aria-expanded="false"');
    const controls = html.match(/aria-controls="([^"]+)"/)?.[1];
    expect(html).toContain(`id="${controls}" role="listbox"`);
    expect(html).not.toContain('data-testid="comment-counter"');
  });

  it('shows the counter near the limit, and over it', () => {
    const near = renderToStaticMarkup(
      <CommentComposer
        label="x"
        submitLabel="Post"
        lang="fr"
        people={null}
        initial={'a'.repeat(3700)}
        onSubmit={async () => {}}
      />,
    );
    expect(near).toContain('300 caractères restants');
    const over = renderToStaticMarkup(
      <CommentComposer
        label="x"
        submitLabel="Post"
        lang="en"
        people={null}
        initial={'a'.repeat(4010)}
        onSubmit={async () => {}}
      />,
    );
    expect(over).toContain('10 characters too many');
    expect(over).toContain('aria-invalid="true"');
  });
});

describe('a comment’s text', () => {
  it('shows mentions the server kept as @Name chips, the rest as text', () => {
    const html = renderToStaticMarkup(<CommentBody comment={comment} lang="en" />);
    expect(html).toContain('class="fdr-mention"');
    expect(html).toContain('@Ève Roy');
    expect(html).toContain('@[Mallory](u9)');
  });
});

describe('a thread', () => {
  it('tells observers they read only, and offers them no composer', () => {
    const html = renderToStaticMarkup(
      <CommentThread
        boardId="b"
        target={{ kind: 'card', id: 'c' }}
        lang="fr"
        viewer={{ userId: 'u1', role: 'observer' }}
      />,
    );
    expect(html).toContain('Les observateurs lisent les conversations');
    expect(html).not.toContain('role="combobox"');
    const writer = renderToStaticMarkup(
      <CommentThread
        boardId="b"
        target={{ kind: 'card', id: 'c' }}
        lang="en"
        viewer={{ userId: 'u1', role: 'task-team' }}
      />,
    );
    expect(writer).toContain('role="combobox"');
    expect(writer).toContain('Loading comments');
  });
});

describe('the discussions since the last meeting', () => {
  it('name each thread’s target, its count and the latest excerpt, in both languages', () => {
    const list = discussionsOf(
      [
        { ...comment, id: 'a', createdAt: 1 },
        { ...comment, id: 'b', createdAt: 2, body: 'Latest @[Ève Roy](u2) word' },
        {
          ...comment,
          id: 'c',
          targetKind: 'item',
          targetId: 'i9',
          createdAt: 3,
          body: null,
          hidden: true,
        },
      ],
      'en',
    );
    const en = renderToStaticMarkup(<DiscussionList list={list} lang="en" />);
    expect(en).toContain('Item not found (i9)');
    expect(en).toContain('Comment hidden by the secretariat.');
    expect(en).toContain('2 new comments');
    expect(en).toContain('Latest @Ève Roy word');
    const fr = renderToStaticMarkup(<DiscussionList list={list} lang="fr" />);
    expect(fr).toContain('2 nouveaux commentaires');
    expect(fr).toContain('1 nouveau commentaire');
  });
});
