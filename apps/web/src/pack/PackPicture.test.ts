import { templateRoadmap } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { computeLayout } from '../board/layout.ts';
import { continuedLane } from './PackPicture.tsx';

describe('a printed part that continues a lane', () => {
  const layout = computeLayout(templateRoadmap());
  const lane = layout.lanes[3]!;
  const part = (from: number) => ({ x: { from: 0, to: 1 }, y: { from, to: from + 100 } });

  it('names the lane it starts inside of, marked as continued, in the UI language', () => {
    const mid = lane.y + lane.h / 2;
    expect(
      continuedLane(layout.lanes, { ...part(mid), phaseIds: [], domainIds: [] }, 'fr').join(' '),
    ).toBe(`${lane.label.fr} (suite)`);
    expect(
      continuedLane(layout.lanes, { ...part(mid), phaseIds: [], domainIds: [] }, 'en').join(' '),
    ).toBe(`${lane.label.en} (continued)`);
  });

  it('names nothing for a part that starts at a lane’s top', () => {
    expect(
      continuedLane(layout.lanes, { ...part(lane.y), phaseIds: [], domainIds: [] }, 'en'),
    ).toEqual([]);
  });
});
