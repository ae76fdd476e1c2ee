import { describe, expect, it } from 'vitest';
import {
  activeMention,
  bodyLength,
  bodyParts,
  excerpt,
  insertMention,
  matchPeople,
  mentionMarkup,
  plainBody,
} from './commentBody.ts';

describe('a comment’s body', () => {
  it('splits text and mentions, and leaves markup for non-members as text', () => {
    const body = 'Hi @[Ève Roy](u1) and @[Nobody](u9), see @[bad';
    expect(bodyParts(body, new Set(['u1']))).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'mention', id: 'u1', name: 'Ève Roy' },
      { kind: 'text', text: ' and @[Nobody](u9), see @[bad' },
    ]);
    expect(plainBody(body)).toBe('Hi @Ève Roy and @Nobody, see @[bad');
  });

  it('makes excerpts on one line, cut with an ellipsis', () => {
    expect(excerpt('Line one\n\nline  two @[Al](a)')).toBe('Line one line two @Al');
    const long = 'x'.repeat(200);
    expect([...excerpt(long, 140)]).toHaveLength(140);
    expect(excerpt(long, 140).endsWith('…')).toBe(true);
  });

  it('writes mention markup that a name cannot break', () => {
    expect(mentionMarkup({ id: 'u1', name: 'Ann [chair] (Ont.)' })).toBe('@[Ann chair Ont.](u1)');
    const text = mentionMarkup({ id: 'u1', name: 'A]B' });
    expect(bodyParts(text)).toEqual([{ kind: 'mention', id: 'u1', name: 'A B' }]);
  });

  it('finds the mention being typed at the caret', () => {
    expect(activeMention('Hello @Ev', 9)).toEqual({ start: 6, query: 'Ev' });
    expect(activeMention('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMention('mail me@home', 12)).toBe(null);
    expect(activeMention('Hi @Ann\nthere', 13)).toBe(null);
    expect(activeMention('Hi @[Ann](u1) ok', 16)).toBe(null);
    expect(activeMention('Hi @Ann Roy', 11)).toEqual({ start: 3, query: 'Ann Roy' });
  });

  it('matches people by the start of a word first, ignoring accents and case', () => {
    const people = [
      { id: '1', name: 'Marc Leblanc' },
      { id: '2', name: 'Ève Roy' },
      { id: '3', name: 'Steve Blanc' },
    ];
    expect(matchPeople(people, 'eve').map((p) => p.id)).toEqual(['2', '3']);
    expect(matchPeople(people, 'blanc').map((p) => p.id)).toEqual(['3', '1']);
    expect(matchPeople(people, '')).toHaveLength(3);
    expect(matchPeople(people, 'zz')).toEqual([]);
  });

  it('replaces the typed mention with the markup and puts the caret after it', () => {
    const result = insertMention('Hi @ev and more', 3, 6, { id: 'u2', name: 'Ève Roy' });
    expect(result.text).toBe('Hi @[Ève Roy](u2) and more');
    expect(result.text.slice(0, result.caret)).toBe('Hi @[Ève Roy](u2) ');
  });

  it('counts characters as code points, trimmed', () => {
    expect(bodyLength('  é😀 ')).toBe(2);
  });
});
