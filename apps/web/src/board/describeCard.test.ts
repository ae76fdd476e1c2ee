import { createTemplateDoc, toJSON } from '@fdr/model';
import { describe, expect, it } from 'vitest';
import { describeCard } from './CardShapeUtil.tsx';
import { cardShapeProps } from './cardShape.ts';

describe('a card’s screen-reader description', () => {
  const roadmap = toJSON(createTemplateDoc(undefined, '2025-06-01T00:00:00Z'));
  const card = roadmap.cards.find((c) => c.id === 'card-security')!;
  const phase = roadmap.phases.find((p) => p.id === card.phaseId)!;
  const now = new Date('2025-06-02T00:00:00Z');

  it('says where the card stands, in the UI language, and never a message key', () => {
    const props = cardShapeProps(card, phase, 90, now);
    const en = describeCard(props, 'en', 'Digital enablement · Phase 1');
    expect(en).toMatch(/^Security\. Digital enablement · Phase 1\. Role: /);
    expect(en).not.toMatch(/tool\.|fdr-card/);
    const fr = describeCard(props, 'fr', 'Habilitation du numérique · Phase 1');
    expect(fr).toMatch(/Habilitation du numérique · Phase 1\. Rôle : /);
  });

  it('names its periods when it does not cover the whole phase', () => {
    const props = cardShapeProps({ ...card, periodIds: [phase.periods[1]!.id] }, phase, 90, now);
    expect(describeCard(props, 'en', 'Lane · Phase 1')).toContain('Lane · Phase 1. Periods 2. ');
    const whole = cardShapeProps({ ...card, periodIds: [] }, phase, 90, now);
    expect(describeCard(whole, 'en', 'Lane · Phase 1')).not.toContain('Periods');
  });

  it('says how many comments the card has, when it has some', () => {
    const props = cardShapeProps(card, phase, 90, now);
    expect(describeCard(props, 'en', 'Lane · Phase 1', 3)).toMatch(/\. 3 comments$/);
    expect(describeCard(props, 'fr', 'Lane · Phase 1', 1)).toMatch(/\. 1 commentaire$/);
    expect(describeCard(props, 'en', 'Lane · Phase 1', 0)).not.toContain('comment');
  });

  it('says its dot-vote count when a vote on it shows results', () => {
    const props = cardShapeProps(card, phase, 90, now);
    expect(describeCard(props, 'en', 'Lane · Phase 1', 0, 3)).toMatch(/\. 3 votes$/);
    expect(describeCard(props, 'fr', 'Lane · Phase 1', 2, 1)).toMatch(
      /\. 2 commentaires\. 1 vote$/,
    );
    expect(describeCard(props, 'en', 'Lane · Phase 1', 0, 0)).toMatch(/\. 0 votes$/);
    expect(describeCard(props, 'en', 'Lane · Phase 1')).not.toContain('vote');
  });
});
