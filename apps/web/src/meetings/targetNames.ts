import { type Localized, localize, type Roadmap } from '@fdr/model';
import { format } from '../i18n/format.ts';
import type { MeetingTarget } from './meetingApi.ts';
import { recordStrings } from './recordStrings.ts';

/** The names of what a decision or an action may point at, by `kind:id`. */
export type TargetNames = ReadonlyMap<string, Localized>;

export const targetKey = (target: MeetingTarget): string => `${target.kind}:${target.id}`;

/** `card:ID` → the target; null for anything else. */
export function parseTargetKey(key: string): MeetingTarget | null {
  const match = /^(card|item|domain):(.+)$/.exec(key);
  return match ? { kind: match[1] as MeetingTarget['kind'], id: match[2] as string } : null;
}

/** Every card (archived too: a decision may name one), item and domain of a roadmap. */
export function namesFromRoadmap(roadmap: Roadmap, into = new Map<string, Localized>()) {
  for (const card of roadmap.cards) into.set(`card:${card.id}`, card.title);
  for (const item of roadmap.items) into.set(`item:${item.id}`, item.label);
  for (const domain of roadmap.domains) into.set(`domain:${domain.id}`, domain.label);
  return into;
}

/** A target's name in one language, or words saying it is gone from the board. */
export function targetName(target: MeetingTarget, names: TargetNames, lang: 'fr' | 'en'): string {
  const known = names.get(targetKey(target));
  if (known && (known.fr.trim() !== '' || known.en.trim() !== '')) return localize(known, lang);
  const t = recordStrings[lang];
  const missing =
    target.kind === 'card'
      ? t.unknownCard
      : target.kind === 'item'
        ? t.unknownItem
        : t.unknownDomain;
  return format(missing, { id: target.id });
}

/** "Card “Security”": the kind said in words, for lists that mix cards, items and domains. */
export function targetLabel(target: MeetingTarget, names: TargetNames, lang: 'fr' | 'en'): string {
  const t = recordStrings[lang];
  const template =
    target.kind === 'card' ? t.targetCard : target.kind === 'item' ? t.targetItem : t.targetDomain;
  return format(template, { name: targetName(target, names, lang) });
}
