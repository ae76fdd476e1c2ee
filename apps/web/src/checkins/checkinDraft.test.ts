import { CHECKIN_TEXT_MAX, MILESTONE_LABEL_MAX, validateCheckin } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { type CheckinDraft, checkinInput, draftErrors, EMPTY_DRAFT } from './checkinDraft.ts';

const draft = (patch: Partial<CheckinDraft>): CheckinDraft => ({ ...EMPTY_DRAFT, ...patch });

describe('check-in draft', () => {
  it('requires a status, and only a status', () => {
    expect(draftErrors(EMPTY_DRAFT)).toEqual({ status: 'statusRequired' });
    expect(draftErrors(draft({ status: 'on-track' }))).toEqual({});
  });

  it('takes progress as a whole number from 0 to 100, or nothing', () => {
    for (const ok of ['', '0', '42', '100', ' 7 ']) {
      expect(draftErrors(draft({ status: 'done', progress: ok })), ok).toEqual({});
    }
    for (const bad of ['101', '-1', '4.5', 'half', '1e2']) {
      expect(draftErrors(draft({ status: 'done', progress: bad })), bad).toEqual({
        progress: 'progressInvalid',
      });
    }
  });

  it('wants a named milestone when it has a date, and a real date', () => {
    expect(draftErrors(draft({ status: 'at-risk', milestoneDate: '2018-03-01' }))).toEqual({
      milestoneFr: 'milestoneNeedsLabel',
    });
    expect(
      draftErrors(draft({ status: 'at-risk', milestoneEn: 'Pilot', milestoneDate: '2018-02-30' })),
    ).toEqual({ milestoneDate: 'dateInvalid' });
    expect(draftErrors(draft({ status: 'at-risk', milestoneEn: 'Pilot' }))).toEqual({});
  });

  it('refuses texts longer than the model takes', () => {
    expect(
      draftErrors(draft({ status: 'blocked', risksEn: 'x'.repeat(CHECKIN_TEXT_MAX + 1) })),
    ).toEqual({
      risksEn: 'textTooLong',
    });
    expect(
      draftErrors(draft({ status: 'blocked', milestoneFr: 'x'.repeat(MILESTONE_LABEL_MAX + 1) })),
    ).toEqual({
      milestoneFr: 'textTooLong',
    });
  });

  it('becomes a request body the model accepts', () => {
    const body = checkinInput(
      draft({
        status: 'on-track',
        progress: ' 40 ',
        summaryFr: ' Prototype livré ',
        milestoneEn: 'Pilot in Ontario',
        milestoneDate: '2018-03-01',
        asksEn: 'Two developers',
      }),
      'card-1',
      'id-1',
    );
    expect(body).toEqual({
      id: 'id-1',
      cardId: 'card-1',
      status: 'on-track',
      progress: 40,
      summary: { fr: 'Prototype livré', en: '' },
      nextMilestone: { label: { fr: '', en: 'Pilot in Ontario' }, targetDate: '2018-03-01' },
      asks: { fr: '', en: 'Two developers' },
      risks: { fr: '', en: '' },
    });
    expect(() =>
      validateCheckin({ ...body, author: 'A', at: '2018-02-01T10:00:00Z' }),
    ).not.toThrow();
    expect(checkinInput(draft({ status: 'done' }), 'c', 'i').nextMilestone).toBeNull();
  });
});
