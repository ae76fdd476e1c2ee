import { createTemplateDoc, toJSON } from '@fdr/model';
import type { ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CellPicker } from './CellPicker.tsx';

const roadmap = toJSON(createTemplateDoc());
const card = roadmap.cards.find((c) => c.id === 'card-security')!;

function render(props: Partial<ComponentProps<typeof CellPicker>>) {
  return renderToStaticMarkup(
    <CellPicker
      roadmap={roadmap}
      lang="fr"
      id="f"
      domainId={card.domainId}
      phaseId={card.phaseId}
      onDomainChange={() => {}}
      onPhaseChange={() => {}}
      {...props}
    />,
  );
}

describe('CellPicker', () => {
  it('labels both lists and lists the cells in the board order, in the UI language', () => {
    const html = render({});
    expect(html).toContain('<label for="f-domain">');
    expect(html).toContain('<select id="f-domain">');
    expect(html).toContain('<label for="f-phase">');
    expect(html).toContain('<select id="f-phase">');
    const options = [...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(options).toEqual([...roadmap.domains, ...roadmap.phases].map((r) => r.id));
    const domain = roadmap.domains.find((d) => d.id === card.domainId)!;
    expect(html).toContain(`<option value="${domain.id}" selected="">${domain.label.fr}</option>`);
    expect(render({ lang: 'en' })).toContain(`${domain.label.en}</option>`);
    expect(html).not.toContain('data-testid');
  });

  it('names its lists for the tests that drive a dialog', () => {
    const html = render({ testIdPrefix: 'move' });
    expect(html).toContain('data-testid="move-domain"');
    expect(html).toContain('data-testid="move-phase"');
  });
});
