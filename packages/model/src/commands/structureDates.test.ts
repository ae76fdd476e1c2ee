import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromJSON } from '../doc/fromJSON.ts';
import { toJSON } from '../doc/toJSON.ts';
import { catchModelError } from '../test/catchModelError.ts';
import { smallRoadmap } from '../test/smallRoadmap.ts';
import { addPeriod } from './addPeriod.ts';
import { setPeriodDates } from './setPeriodDates.ts';
import { setPhaseDates } from './setPhaseDates.ts';

const ME = 'me';
const label = { fr: 'P', en: 'P' };

describe('setPhaseDates', () => {
  it('re-dates a phase in one transaction with the caller origin, and closes an open one', () => {
    const doc = fromJSON(smallRoadmap());
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    setPhaseDates(doc, { id: 'p2', start: '2018-04-01', end: '2019-03-31' }, ME);
    expect(origins).toEqual([ME]);
    const phase = toJSON(doc).phases.find((p) => p.id === 'p2');
    expect([phase?.start, phase?.end]).toEqual(['2018-04-01', '2019-03-31']);
    setPhaseDates(doc, { id: 'p2', start: '2018-05-01', end: null }, ME);
    expect(toJSON(doc).phases[1]).toMatchObject({ start: '2018-05-01', end: null });
  });

  it('refuses an end before the start, impossible dates, and leaving a period outside', () => {
    const doc = fromJSON(smallRoadmap());
    const before = Y.encodeStateVector(doc);
    expect(
      catchModelError(() =>
        setPhaseDates(doc, { id: 'p1', start: '2018-01-01', end: '2017-01-01' }, ME),
      ).details.path,
    ).toBe('end');
    expect(
      catchModelError(() => setPhaseDates(doc, { id: 'p1', start: '2016-02-30', end: null }, ME))
        .details.path,
    ).toBe('start');
    // Period 1 starts on 2016-10-01: the phase cannot start after it.
    const outside = catchModelError(() =>
      setPhaseDates(doc, { id: 'p1', start: '2017-01-01', end: '2018-03-31' }, ME),
    );
    expect(outside.details.id).toBe('q1');
    expect(outside.messages.en).toMatch(/Period 1.*outside the phase/);
    expect(
      catchModelError(() => setPhaseDates(doc, { id: 'nope', start: '2016-01-01', end: null }, ME))
        .code,
    ).toBe('not-found');
    // Nothing was written by the refused commands.
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('setPeriodDates and addPeriod', () => {
  it('re-dates a period inside its phase', () => {
    const doc = fromJSON(smallRoadmap());
    setPeriodDates(doc, { id: 'q2', start: '2017-04-01', end: '2017-09-30' }, ME);
    addPeriod(doc, { id: 'q3', phaseId: 'p1', label, start: '2017-10-01', end: '2018-03-31' }, ME);
    const periods = toJSON(doc).phases[0]?.periods.map((p) => [p.id, p.start, p.end]);
    expect(periods).toEqual([
      ['q1', '2016-10-01', '2017-03-31'],
      ['q2', '2017-04-01', '2017-09-30'],
      ['q3', '2017-10-01', '2018-03-31'],
    ]);
  });

  it('refuses a period outside its phase, overlapping another, or ending before it starts', () => {
    const doc = fromJSON(smallRoadmap());
    const before = Y.encodeStateVector(doc);
    const outside = catchModelError(() =>
      setPeriodDates(doc, { id: 'q2', start: '2017-04-01', end: '2018-06-30' }, ME),
    );
    expect(outside.messages.fr).toMatch(/dans la phase « Phase 1 »/);
    const overlap = catchModelError(() =>
      setPeriodDates(doc, { id: 'q2', start: '2017-03-01', end: '2018-03-31' }, ME),
    );
    expect(overlap.details.id).toBe('q1');
    expect(overlap.messages.en).toMatch(/overlaps "Period 1"/);
    const inverted = catchModelError(() =>
      setPeriodDates(doc, { id: 'q2', start: '2017-09-30', end: '2017-04-01' }, ME),
    );
    expect(inverted.messages.en).toMatch(/end after it starts/);
    // A new period is held to the same rules.
    expect(
      catchModelError(() =>
        addPeriod(doc, { phaseId: 'p1', label, start: '2017-01-01', end: '2017-02-01' }, ME),
      ).details.id,
    ).toBe('q1');
    expect(
      catchModelError(() =>
        setPeriodDates(doc, { id: 'zz', start: '2017-01-01', end: '2017-02-01' }, ME),
      ).code,
    ).toBe('not-found');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('lets an open-ended phase take periods as far out as needed', () => {
    const doc = fromJSON(smallRoadmap());
    addPeriod(doc, { id: 'q9', phaseId: 'p2', label, start: '2030-01-01', end: '2030-06-30' }, ME);
    expect(toJSON(doc).phases[1]?.periods.map((p) => p.id)).toEqual(['q9']);
  });
});
