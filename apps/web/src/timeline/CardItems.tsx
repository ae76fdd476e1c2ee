import { localize, type Roadmap } from '@fdr/model';
import type { Lang } from '../i18n/strings.ts';
import { spanText } from './ItemBinding.ts';
import { timelineStrings } from './timelineStrings.ts';

/** The roadmap items that name a task-team card, for its panel: label and periods. */
export function CardItems({
  cardId,
  roadmap,
  lang,
  onOpen,
}: {
  cardId: string;
  roadmap: Roadmap;
  lang: Lang;
  onOpen?: (itemId: string) => void;
}) {
  const t = timelineStrings[lang];
  const items = roadmap.items.filter((item) => item.cardIds.includes(cardId));
  return (
    <section className="fdr-card-items" data-testid="card-items">
      <h3 className="fdr-item-cards__heading">{t.cardItems}</h3>
      {items.length === 0 ? (
        <p>{t.noCardItems}</p>
      ) : (
        <ul className="fdr-item-cards__list">
          {items.map((item) => {
            const text = `${localize(item.label, lang)} (${spanText(roadmap, item.startPeriodId, item.endPeriodId, lang)})`;
            return (
              <li key={item.id}>
                {onOpen ? (
                  <button type="button" className="fdr-link-button" onClick={() => onOpen(item.id)}>
                    {text}
                  </button>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
