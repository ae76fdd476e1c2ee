import { describe, expect, it } from 'vitest';
import {
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  hasFilters,
  NO_FILTERS,
} from './decisionFilters.ts';

describe('the register’s filters in the address', () => {
  it('round-trip through the query string', () => {
    const filters = { meetingId: 'm1', q: 'budget été', target: 'card:c-7' };
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
    expect(filtersToSearch(filters)).toBe('?meeting=m1&q=budget+%C3%A9t%C3%A9&target=card%3Ac-7');
  });

  it('leave out what is empty, and read nothing as no filter', () => {
    expect(filtersToSearch(NO_FILTERS)).toBe('');
    expect(filtersToSearch({ ...NO_FILTERS, q: '   ' })).toBe('');
    expect(filtersFromSearch('')).toEqual(NO_FILTERS);
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, target: 'item:i1' })).toBe(true);
  });

  it('ignore a target that is not a card, an item or a domain', () => {
    expect(filtersFromSearch('?target=user:u1').target).toBe('');
    expect(filtersFromSearch('?target=card:').target).toBe('');
    expect(filtersFromSearch('?target=domain:d1').target).toBe('domain:d1');
  });

  it('ask the server with trimmed words and the server’s own names', () => {
    expect(filtersToQuery({ meetingId: 'm1', q: '  budget ', target: '' })).toEqual({
      meetingId: 'm1',
      q: 'budget',
    });
    expect(filtersToQuery(NO_FILTERS)).toEqual({});
  });
});
