import { localize, type Roadmap } from '@fdr/model';
import type { Lang } from '../i18n/strings.ts';
import { timelineStrings } from './timelineStrings.ts';

/**
 * The task-team cards that deliver an item: to editors a checklist of the board's cards by
 * domain (the item's own domain first); to readers the list of the cards it names.
 */
export function ItemCardsField({
  roadmap,
  lang,
  domainId,
  cardIds,
  onChange,
  readOnly,
}: {
  roadmap: Roadmap;
  lang: Lang;
  domainId: string;
  cardIds: readonly string[];
  onChange: (cardIds: string[]) => void;
  readOnly: boolean;
}) {
  const t = timelineStrings[lang];
  const cards = roadmap.cards.filter((card) => !card.archived || cardIds.includes(card.id));
  if (readOnly) {
    const named = cardIds.flatMap((id) => cards.filter((card) => card.id === id));
    return (
      <section className="fdr-field" aria-label={t.fieldCards}>
        <h3 className="fdr-item-cards__heading">{t.fieldCards}</h3>
        {named.length === 0 ? (
          <p>{t.noCards}</p>
        ) : (
          <ul className="fdr-item-cards__list" data-testid="item-cards">
            {named.map((card) => (
              <li key={card.id}>{localize(card.title, lang)}</li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  const domains = [
    ...roadmap.domains.filter((d) => d.id === domainId),
    ...roadmap.domains.filter((d) => d.id !== domainId),
  ];
  const toggle = (cardId: string, on: boolean) =>
    onChange(on ? [...cardIds, cardId] : cardIds.filter((id) => id !== cardId));
  return (
    <fieldset className="fdr-field fdr-item-cards" data-testid="item-cards">
      <legend>{t.fieldCards}</legend>
      {cards.length === 0 && <p>{t.noCardsInBoard}</p>}
      {domains.map((domain) => {
        const inLane = cards.filter((card) => card.domainId === domain.id);
        if (inLane.length === 0) return null;
        return (
          <div key={domain.id} className="fdr-item-cards__group">
            <p className="fdr-item-cards__domain">{localize(domain.label, lang)}</p>
            {inLane.map((card) => (
              <label key={card.id} className="fdr-item-cards__card">
                <input
                  type="checkbox"
                  checked={cardIds.includes(card.id)}
                  onChange={(e) => toggle(card.id, e.target.checked)}
                  data-card-id={card.id}
                />{' '}
                {localize(card.title, lang)}
              </label>
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}
