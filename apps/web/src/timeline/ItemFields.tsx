import { ITEM_KINDS, ITEM_LABEL_MAX, type ItemKind, localize, type Roadmap } from '@fdr/model';
import type { Ref } from 'react';
import { Bilingual } from '../board/Bilingual.tsx';
import { RoleSelect } from '../cards/RoleSelect.tsx';
import { type Lang, strings } from '../i18n/strings.ts';
import { kindLabelOf } from './ItemShapeUtil.tsx';
import { boardPeriods, type ItemDraft, withEnd } from './itemDraft.ts';
import { timelineStrings } from './timelineStrings.ts';

/**
 * The fields of a roadmap item: its label (French and English side by side), role and kind, and
 * its place (domain, first and last period). `place` shows only the place: the keyboard's way to
 * move a bar or stretch it, the same command as a drag.
 */
export function ItemFields({
  id,
  draft,
  setDraft,
  roadmap,
  lang,
  parts,
  firstRef,
  disabled = false,
}: {
  id: string;
  draft: ItemDraft;
  setDraft: (update: (draft: ItemDraft) => ItemDraft) => void;
  roadmap: Roadmap;
  lang: Lang;
  parts: 'all' | 'place';
  firstRef?: Ref<HTMLInputElement & HTMLSelectElement>;
  disabled?: boolean;
}) {
  const s = strings[lang];
  const t = timelineStrings[lang];
  const periods = boardPeriods(roadmap);
  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const periodOptions = periods.map((period) => (
    <option key={period.id} value={period.id}>
      {localize(period.phase.label, lang)} · {localize(period.label, lang)}
    </option>
  ));
  return (
    <>
      {parts === 'all' && (
        <>
          <Bilingual legend={t.fieldLabel} lang={lang}>
            <input
              ref={firstRef}
              lang="fr"
              maxLength={ITEM_LABEL_MAX}
              value={draft.labelFr}
              disabled={disabled}
              onChange={(e) => set('labelFr', e.target.value)}
              aria-label={`${t.fieldLabel} — ${s.french}`}
              data-testid="item-label-fr"
            />
            <input
              lang="en"
              maxLength={ITEM_LABEL_MAX}
              value={draft.labelEn}
              disabled={disabled}
              onChange={(e) => set('labelEn', e.target.value)}
              aria-label={`${t.fieldLabel} — ${s.english}`}
              data-testid="item-label-en"
            />
          </Bilingual>
          <div className="fdr-two-columns">
            <div className="fdr-field">
              <label htmlFor={`${id}-role`}>{s.fieldRole}</label>
              <RoleSelect
                id={`${id}-role`}
                value={draft.role}
                disabled={disabled}
                onChange={(role) => set('role', role)}
                lang={lang}
              />
            </div>
            <div className="fdr-field">
              <label htmlFor={`${id}-kind`}>{t.fieldKind}</label>
              <select
                id={`${id}-kind`}
                value={draft.kind}
                disabled={disabled}
                onChange={(e) => set('kind', e.target.value as ItemKind)}
              >
                {ITEM_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {kindLabelOf(kind, lang)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </>
      )}
      <div className="fdr-field">
        <label htmlFor={`${id}-domain`}>{t.fieldDomain}</label>
        <select
          id={`${id}-domain`}
          ref={parts === 'place' ? firstRef : undefined}
          value={draft.domainId}
          disabled={disabled}
          onChange={(e) => set('domainId', e.target.value)}
          data-testid="item-domain"
        >
          {roadmap.domains.map((domain) => (
            <option key={domain.id} value={domain.id}>
              {localize(domain.label, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="fdr-two-columns">
        <div className="fdr-field">
          <label htmlFor={`${id}-start`}>{t.fieldStart}</label>
          <select
            id={`${id}-start`}
            value={draft.startPeriodId}
            disabled={disabled}
            onChange={(e) => setDraft((d) => withEnd(d, roadmap, 'start', e.target.value))}
            data-testid="item-start"
          >
            {periodOptions}
          </select>
        </div>
        <div className="fdr-field">
          <label htmlFor={`${id}-end`}>{t.fieldEnd}</label>
          <select
            id={`${id}-end`}
            value={draft.endPeriodId}
            disabled={disabled}
            onChange={(e) => setDraft((d) => withEnd(d, roadmap, 'end', e.target.value))}
            data-testid="item-end"
          >
            {periodOptions}
          </select>
        </div>
      </div>
    </>
  );
}
