import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromJSON } from '../doc/fromJSON.ts';
import { docRoots } from '../doc/layout.ts';
import { readTolerant } from '../doc/readTolerant.ts';
import { toJSON } from '../doc/toJSON.ts';
import { FALLBACK_DOMAIN_COLOUR } from '../records/domain.ts';
import { validateRoadmap } from '../roadmap.ts';
import { catchModelError } from '../test/catchModelError.ts';
import { smallRoadmap } from '../test/smallRoadmap.ts';
import { repairRoadmap } from './repairRoadmap.ts';

// biome-ignore lint/suspicious/noExplicitAny: a fixture spoiled on purpose, field by field
type Spoilable = any;

/** The roadmap as JSON, with one change made by `edit` (a plain, mutable copy). */
function spoiled(edit: (json: Spoilable) => void): unknown {
  const json: Spoilable = structuredClone(smallRoadmap());
  edit(json);
  return json;
}

describe('repairRoadmap', () => {
  it('keeps a valid roadmap as it is, with no problem', () => {
    const { roadmap, problems } = repairRoadmap(smallRoadmap());
    expect(roadmap).toEqual(smallRoadmap());
    expect(problems).toEqual([]);
  });

  it('reads a lane whose colour is not #rrggbb with the fallback colour, keeping its label and cards', () => {
    const bad = spoiled((json) => {
      json.domains[0].colour = 'not-a-colour';
    });
    // What blanked the version page: the strict validator refuses the whole roadmap.
    expect(catchModelError(() => validateRoadmap(bad)).details.path).toBe('domains[0].colour');
    const { roadmap, problems } = repairRoadmap(bad);
    expect(() => validateRoadmap(roadmap)).not.toThrow();
    expect(roadmap.domains[0]).toEqual({
      ...smallRoadmap().domains[0],
      colour: FALLBACK_DOMAIN_COLOUR,
    });
    expect(roadmap.cards.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'domain', id: 'd1', field: 'colour', outcome: 'repaired' }),
    ]);
    expect(problems[0]?.message.en).toContain('domains[0].colour');
    expect(problems[0]?.message.fr).toContain('#rrggbb');
  });

  it('cuts an over-long title to its limit, and a missing one falls back to the id', () => {
    const { roadmap, problems } = repairRoadmap(
      spoiled((json) => {
        json.cards[0].title = { fr: 'x'.repeat(400), en: 'ok' };
        json.cards[1].title = { fr: ' ', en: '' };
      }),
    );
    expect(roadmap.cards[0]?.title).toEqual({ fr: 'x'.repeat(300), en: 'ok' });
    expect(roadmap.cards[1]?.title).toEqual({ fr: 'c2', en: 'c2' });
    expect(problems.map((p) => [p.id, p.field, p.outcome])).toEqual([
      ['c1', 'title', 'repaired'],
      ['c2', 'title', 'repaired'],
    ]);
  });

  it('repairs several bad fields of one card, each reported', () => {
    const { roadmap, problems } = repairRoadmap(
      spoiled((json) => {
        Object.assign(json.cards[2], {
          role: 'Boss',
          members: ['Ana', '', 7],
          leadJurisdiction: '',
          order: 'bad order!',
          archived: 'no',
        });
      }),
    );
    const card = roadmap.cards[2];
    expect(card).toMatchObject({
      id: 'c3',
      role: 'CE',
      members: ['Ana'],
      leadJurisdiction: null,
      order: 'V',
      archived: false,
    });
    expect(problems.map((p) => p.field).sort()).toEqual([
      'archived',
      'leadJurisdiction',
      'members',
      'order',
      'role',
    ]);
    expect(() => validateRoadmap(roadmap)).not.toThrow();
  });

  it('moves a card of an unknown lane or phase to the first one, as toJSON does', () => {
    const { roadmap, problems } = repairRoadmap(
      spoiled((json) => {
        json.cards[3].domainId = 'nowhere';
        json.cards[3].phaseId = 'never';
      }),
    );
    expect(roadmap.cards[3]).toMatchObject({ id: 'c4', domainId: 'd1', phaseId: 'p1' });
    expect(problems.map((p) => [p.field, p.outcome])).toEqual([
      ['domainId', 'repaired'],
      ['phaseId', 'repaired'],
    ]);
  });

  it('leaves out a record whose id is not valid, and the second of two records with one id', () => {
    const { roadmap, problems } = repairRoadmap(
      spoiled((json) => {
        json.cards[0].id = 'has spaces';
        json.items.push({ ...json.items[0] });
      }),
    );
    expect(roadmap.cards.map((c) => c.id)).toEqual(['c2', 'c3', 'c4']);
    expect(roadmap.items).toHaveLength(1);
    // The item named the card that was left out: it no longer does.
    expect(roadmap.items[0]?.cardIds).toEqual([]);
    expect(problems.map((p) => [p.kind, p.field, p.outcome])).toEqual([
      ['card', 'id', 'dropped'],
      ['item', 'cardIds', 'repaired'],
      ['item', 'cardIds', 'repaired'],
      ['item', 'id', 'dropped'],
    ]);
    expect(() => validateRoadmap(roadmap)).not.toThrow();
  });

  it('leaves out a period with an impossible date, and the items drawn across it', () => {
    const { roadmap, problems } = repairRoadmap(
      spoiled((json) => {
        json.phases[0].periods[1].end = '2017-02-30';
      }),
    );
    expect(roadmap.phases[0]?.periods.map((p) => p.id)).toEqual(['q1']);
    expect(roadmap.items).toEqual([]);
    expect(problems.map((p) => [p.kind, p.id, p.field, p.outcome])).toEqual([
      ['period', 'q2', 'end', 'dropped'],
      ['item', 'i1', 'endPeriodId', 'dropped'],
    ]);
  });

  it('leaves a doctored check-in out of the history and derives the latest status from the rest', () => {
    const good = {
      id: 'k1',
      cardId: 'c1',
      status: 'on-track',
      progress: 10,
      summary: { fr: '', en: '' },
      nextMilestone: null,
      asks: { fr: '', en: '' },
      risks: { fr: '', en: '' },
      author: 'Ana',
      at: '2024-01-01T00:00:00Z',
    };
    const { roadmap, problems } = repairRoadmap(
      spoiled((json) => {
        json.cards[0].checkins = [
          good,
          { ...good, id: 'k2', progress: 400, at: '2024-02-01T00:00:00Z' },
        ];
        json.cards[0].latestStatus = null;
      }),
    );
    expect(roadmap.cards[0]?.checkins.map((c) => c.id)).toEqual(['k1']);
    expect(roadmap.cards[0]?.latestStatus?.checkinId).toBe('k1');
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'checkin', id: 'k2', field: 'progress', outcome: 'dropped' }),
    ]);
    expect(() => validateRoadmap(roadmap)).not.toThrow();
  });

  it('tolerates records that are not objects at all, and refuses what is not a roadmap', () => {
    const { roadmap, problems } = repairRoadmap(
      spoiled((json) => {
        json.domains.push(null);
        json.board = 'board';
        json.annotations.records['shape:x'] = Number.NaN;
      }),
    );
    expect(roadmap.domains).toHaveLength(3);
    expect(roadmap.board.title.en).toBe('Roadmap');
    expect(roadmap.annotations.records).toEqual({});
    expect(problems.map((p) => p.kind)).toEqual(['board', 'domain', 'annotation']);
    expect(() => validateRoadmap(roadmap)).not.toThrow();
    expect(catchModelError(() => repairRoadmap({ format: 'other' })).code).toBe('invalid-document');
  });
});

describe('readTolerant', () => {
  it('reads a doc holding a bad record as the rest of the board plus the problem', () => {
    const doc = fromJSON(smallRoadmap());
    const d2 = docRoots(doc).domains.get('d2') as Y.Map<unknown>;
    d2.set('colour', 'not-a-colour');
    // toJSON passes the stored value through; building a doc from it fails.
    expect(toJSON(doc).domains[1]?.colour).toBe('not-a-colour');
    const { roadmap, problems } = readTolerant(doc);
    expect(roadmap.domains[1]?.colour).toBe(FALLBACK_DOMAIN_COLOUR);
    expect(roadmap.cards).toHaveLength(4);
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'domain', id: 'd2', field: 'colour' }),
    ]);
    expect(() => fromJSON(roadmap)).not.toThrow();
  });

  it('reports the check-ins and annotations toJSON skips silently', () => {
    const doc = fromJSON(smallRoadmap());
    const roots = docRoots(doc);
    roots.checkinLog.set('k9', { id: 'k9', cardId: 'c1', status: 'nope' });
    roots.annotations.set('shape:y', new Y.Map());
    const { problems } = readTolerant(doc);
    expect(problems.map((p) => [p.kind, p.id, p.outcome])).toEqual([
      ['checkin', 'k9', 'dropped'],
      ['annotation', 'shape:y', 'dropped'],
    ]);
  });
});
