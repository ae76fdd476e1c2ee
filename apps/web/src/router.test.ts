import { describe, expect, it } from 'vitest';
import { safeNext } from './account/SignInPage.tsx';
import {
  boardIdFromInput,
  boardPath,
  comparePath,
  decisionsPath,
  isPublic,
  mailPreferencesPath,
  meetingPath,
  meetingsPath,
  myTeamsPath,
  packPath,
  parseRoute,
  sincePath,
  statusPath,
  tablePath,
  versionPath,
  versionsPath,
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

  it('reads the mail preferences page', () => {
    expect(parseRoute(mailPreferencesPath)).toEqual({ name: 'mail' });
    expect(parseRoute('/account/mail/')).toEqual({ name: 'mail' });
    expect(parseRoute('/account/mails')).toEqual({ name: 'unknown' });
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

describe('check-in and version routes', () => {
  it('parses my task teams, status, since, versions, one version and a comparison', () => {
    expect(parseRoute('/me')).toEqual({ name: 'my-teams' });
    expect(parseRoute('/b/abc/status')).toEqual({ name: 'status', boardId: 'abc' });
    expect(parseRoute('/b/abc/since/')).toEqual({ name: 'since', boardId: 'abc' });
    expect(parseRoute('/b/abc/versions')).toEqual({ name: 'versions', boardId: 'abc' });
    expect(parseRoute('/b/abc/versions/v-1')).toEqual({
      name: 'version',
      boardId: 'abc',
      versionId: 'v-1',
    });
    expect(parseRoute('/b/abc/versions/v-1/compare/now')).toEqual({
      name: 'compare',
      boardId: 'abc',
      versionId: 'v-1',
      other: 'now',
    });
    expect(parseRoute('/b/abc/status/x')).toEqual({ name: 'unknown' });
    expect(parseRoute('/b/abc/versions/%E0%A4%A')).toEqual({ name: 'unknown' });
    expect(parseRoute('/b/abc/versions/v/compare/a%20b')).toEqual({ name: 'unknown' });
  });

  it('builds the paths it parses', () => {
    const path = comparePath('abc', 'v-1', 'now');
    expect(path).toBe('/b/abc/versions/v-1/compare/now');
    expect(parseRoute(path)).toMatchObject({ name: 'compare', other: 'now' });
    expect(parseRoute(versionPath('abc', 'v-2'))).toMatchObject({ name: 'version' });
    expect(parseRoute(statusPath('abc'))).toMatchObject({ name: 'status' });
    expect(parseRoute(sincePath('abc'))).toMatchObject({ name: 'since' });
    expect(parseRoute(versionsPath('abc'))).toMatchObject({ name: 'versions' });
    expect(parseRoute(myTeamsPath)).toEqual({ name: 'my-teams' });
  });
});

describe('meeting routes', () => {
  it('parses the meetings list, one meeting and the decisions register', () => {
    expect(parseRoute('/b/abc/meetings')).toEqual({ name: 'meetings', boardId: 'abc' });
    expect(parseRoute('/b/abc/meetings/')).toEqual({ name: 'meetings', boardId: 'abc' });
    expect(parseRoute('/b/abc/meetings/m-1')).toEqual({
      name: 'meeting',
      boardId: 'abc',
      meetingId: 'm-1',
    });
    expect(parseRoute('/b/abc/decisions')).toEqual({ name: 'decisions', boardId: 'abc' });
    expect(parseRoute('/b/abc/decisions/x')).toEqual({ name: 'unknown' });
    expect(parseRoute('/b/abc/meetings/a%20b')).toEqual({ name: 'unknown' });
    expect(parseRoute('/b/abc/meetings/%E0%A4%A')).toEqual({ name: 'unknown' });
  });

  it('builds the paths it parses', () => {
    expect(parseRoute(meetingsPath('abc'))).toEqual({ name: 'meetings', boardId: 'abc' });
    expect(parseRoute(meetingPath('abc', 'm1'))).toEqual({
      name: 'meeting',
      boardId: 'abc',
      meetingId: 'm1',
    });
    expect(parseRoute(decisionsPath('abc'))).toEqual({ name: 'decisions', boardId: 'abc' });
  });
});
