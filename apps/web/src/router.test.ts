import { describe, expect, it } from 'vitest';
import { boardIdFromInput, boardPath, parseRoute } from './router.ts';

describe('router', () => {
  it('reads the home page and board pages', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/b/abc123')).toEqual({ name: 'board', boardId: 'abc123' });
    expect(parseRoute('/b/abc123/')).toEqual({ name: 'board', boardId: 'abc123' });
    expect(parseRoute(boardPath('x_y-z'))).toEqual({ name: 'board', boardId: 'x_y-z' });
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
