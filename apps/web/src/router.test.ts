import { describe, expect, it } from 'vitest';
import { safeNext } from './account/SignInPage.tsx';
import {
  boardIdFromInput,
  boardPath,
  isPublic,
  packPath,
  parseRoute,
  tablePath,
} from './router.ts';

describe('router', () => {
  it('reads the home page and board pages', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/b/abc123')).toEqual({ name: 'board', boardId: 'abc123' });
    expect(parseRoute('/b/abc123/')).toEqual({ name: 'board', boardId: 'abc123' });
    expect(parseRoute(boardPath('x_y-z'))).toEqual({ name: 'board', boardId: 'x_y-z' });
  });

  it('reads the table view and the meeting pack of a board', () => {
    expect(parseRoute('/b/abc123/table')).toEqual({ name: 'table', boardId: 'abc123' });
    expect(parseRoute(tablePath('x_y-z'))).toEqual({ name: 'table', boardId: 'x_y-z' });
    expect(parseRoute(packPath('abc'))).toEqual({ name: 'pack', boardId: 'abc' });
    expect(parseRoute('/b/-bad/table')).toEqual({ name: 'unknown' });
    expect(parseRoute('/b/abc/tables')).toEqual({ name: 'unknown' });
  });

  it('refuses ids the server would refuse, and other paths', () => {
    expect(parseRoute('/b/-leading-dash')).toEqual({ name: 'unknown' });
    expect(parseRoute('/b/has%20space')).toEqual({ name: 'unknown' });
    expect(parseRoute('/b/%E0%A4%A')).toEqual({ name: 'unknown' });
    expect(parseRoute('/boards')).toEqual({ name: 'unknown' });
  });

  it('finds a board id in a pasted link, path or bare id', () => {
    expect(boardIdFromInput('  k3m9x2abcdefgh22 ')).toBe('k3m9x2abcdefgh22');
    expect(boardIdFromInput('https://roadmap.example.gc.ca/b/k3m9x2abcdefgh22')).toBe(
      'k3m9x2abcdefgh22',
    );
    expect(boardIdFromInput('/b/abc?x=1#y')).toBe('abc');
    expect(boardIdFromInput('https://example.com/elsewhere')).toBeNull();
    expect(boardIdFromInput('two words')).toBeNull();
    expect(boardIdFromInput('')).toBeNull();
  });
});

describe('account routes', () => {
  it('reads the public pages and the members page', () => {
    expect(parseRoute('/signin')).toEqual({ name: 'signin' });
    expect(parseRoute('/setup')).toEqual({ name: 'setup' });
    expect(parseRoute('/invite/')).toEqual({ name: 'invite' });
    expect(parseRoute('/reset')).toEqual({ name: 'reset' });
    expect(parseRoute('/b/abc/members')).toEqual({ name: 'members', boardId: 'abc' });
    expect(parseRoute('/b/-bad/members')).toEqual({ name: 'unknown' });
    expect(isPublic(parseRoute('/signin'))).toBe(true);
    expect(isPublic(parseRoute('/b/abc'))).toBe(false);
  });

  it('sends people back only to a path of this site after signing in', () => {
    expect(safeNext('?next=%2Fb%2Fabc')).toBe('/b/abc');
    expect(safeNext('?next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(safeNext('?next=%2F%2Fevil.example')).toBe('/');
    expect(safeNext('')).toBe('/');
  });
});
