import {
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  ITEM_LABEL_MAX,
  type ItemKind,
  localize,
  type Roadmap,
} from '@fdr/model';
import { type FormEvent, useId, useState } from 'react';
import { RoleSelect } from '../cards/RoleSelect.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { type Lang, strings } from '../i18n/strings.ts';
import { Dialog } from '../table/Dialog.tsx';
import { ItemSpanFields, spanInverted } from './ItemSpanFields.tsx';
import type { ItemDraft } from './itemDraft.ts';
import { itemStrings } from './itemStrings.ts';

/**
 * A roadmap item's dialog: its label in French and English side by side, role and kind
 * (`text`), and its domain and span (`place`); creating shows both. Enter submits, Escape
 * closes; `onSubmit` runs one model command and says whether the model took it.
 */
export function ItemDialog({
  heading,
  roadmap,
  initial,
  text,
  place,
  submitLabel,
  lang,
  onSubmit,
  onClose,
  testId,
}: {
  heading: string;
  roadmap: Roadmap;
  initial: ItemDraft;
  text: boolean;
  place: boolean;
  submitLabel: string;
  lang: Lang;
  onSubmit: (draft: ItemDraft) => void;
  onClose: () => void;
  testId: string;
}) {
  const s = strings[lang];
  const t = itemStrings[lang];
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text && draft.labelFr.trim() === '' && draft.labelEn.trim() === '') {
      setError(t.labelRequired);
      return;
    }
    if (place && spanInverted(roadmap, draft)) {
      setError(t.endBeforeStart);
      return;
    }
    onSubmit(draft);
  };
  const label = (key: 'labelFr' | 'labelEn', language: Lang) => (
    <div className="fdr-field">
      <label htmlFor={`${id}-${key}`}>
        {`${t.fieldLabel} — ${language === 'fr' ? s.french : s.english}`}
      </label>
      <input
        id={`${id}-${key}`}
        lang={language}
        maxLength={ITEM_LABEL_MAX}
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        data-testid={`item-${key === 'labelFr' ? 'label-fr' : 'label-en'}`}
      />
    </div>
  );
  return (
    <Dialog heading={heading} onClose={onClose} testId={testId} wide={text}>
      <form onSubmit={submit}>
        {text && (
          <>
            <div className="fdr-two-columns">
              {label('labelFr', 'fr')}
              {label('labelEn', 'en')}
            </div>
            <div className="fdr-two-columns">
              <div className="fdr-field">
                <label htmlFor={`${id}-role`}>{s.fieldRole}</label>
                <RoleSelect
                  id={`${id}-role`}
                  value={draft.role}
                  onChange={(role) => set('role', role)}
                  lang={lang}
                />
              </div>
              <div className="fdr-field">
                <label htmlFor={`${id}-kind`}>{t.fieldKind}</label>
                <select
                  id={`${id}-kind`}
                  value={draft.kind}
                  onChange={(e) => set('kind', e.target.value as ItemKind)}
                  data-testid="item-kind"
                >
                  {ITEM_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {ITEM_KIND_LABELS[kind][lang]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </>
        )}
        {text && (
          <CardChecks
            roadmap={roadmap}
            value={draft.cardIds}
            onChange={(cardIds) => set('cardIds', cardIds)}
            lang={lang}
          />
        )}
        {place && (
          <ItemSpanFields
            id={id}
            roadmap={roadmap}
            value={draft}
            onChange={(span) => setDraft((current) => ({ ...current, ...span }))}
            lang={lang}
          />
        )}
        <ErrorAlert message={error} />
        <div className="fdr-actions">
          <button
            type="submit"
            className="fdr-button fdr-button--primary"
            data-testid="item-submit"
          >
            {submitLabel}
          </button>
          <button type="button" className="fdr-button fdr-button--quiet" onClick={onClose}>
            {s.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The task teams that deliver an item, as checkboxes in board order (each with its domain); the
 * list scrolls in its own box, which the keyboard reaches through the boxes themselves.
 */
function CardChecks({
  roadmap,
  value,
  onChange,
  lang,
}: {
  roadmap: Roadmap;
  value: readonly string[];
  onChange: (cardIds: string[]) => void;
  lang: Lang;
}) {
  const t = itemStrings[lang];
  const domainRank = new Map(roadmap.domains.map((d, i) => [d.id, i]));
  const cards = roadmap.cards
    .filter((card) => !card.archived || value.includes(card.id))
    .sort((a, b) => (domainRank.get(a.domainId) ?? 0) - (domainRank.get(b.domainId) ?? 0));
  const chosen = new Set(value);
  return (
    <fieldset className="fdr-item-cards" data-testid="item-cards">
      <legend>{t.fieldCards}</legend>
      <ul>
        {cards.map((card) => {
          const domain = roadmap.domains.find((d) => d.id === card.domainId);
          return (
            <li key={card.id}>
              <label className="fdr-checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(card.id)}
                  onChange={(e) =>
                    onChange(
                      cards
                        .map((c) => c.id)
                        .filter((id) => (id === card.id ? e.target.checked : chosen.has(id))),
                    )
                  }
                  data-card-id={card.id}
                />
                {localize(card.title, lang)}
                {domain && <span className="fdr-muted"> — {localize(domain.label, lang)}</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
