import { createTemplateDoc, toJSON } from '@fdr/model';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MoveCardForm } from './MoveCardForm.tsx';

const roadmap = toJSON(createTemplateDoc());
const card = roadmap.cards.find((c) => c.id === 'card-security')!;
const noop = () => {};

describe('MoveCardForm', () => {
  it('starts at the card’s cell, last in it, in both languages', () => {
    for (const [lang, last, move] of [
      ['en', 'Last', 'Move'],
      ['fr', 'En dernier', 'Déplacer'],
    ] as const) {
      const html = renderToStaticMarkup(
        <MoveCardForm
          card={card}
          roadmap={roadmap}
          lang={lang}
          onMove={noop}
          onCancel={noop}
          testIdPrefix="table-move"
        />,
      );
      expect(html).toContain(`<option value="${card.phaseId}" selected="">`);
      expect(html).toMatch(new RegExp(`checked=""/>${last}</label>`));
      expect(html).toContain(`>${move}</button>`);
      expect(html).toContain('data-testid="table-move-domain"');
    }
  });
});
