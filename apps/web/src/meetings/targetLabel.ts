import { localize, type Roadmap } from '@fdr/model';
import type { Lang } from '../i18n/strings.ts';
import type { MeetingTarget } from './meetingApi.ts';
import { meetingStrings } from './meetingStrings.ts';

/** `card:ID`, `item:ID`, `domain:ID`: how targets travel in attributes and form values. */
export const targetKey = (target: MeetingTarget) => `${target.kind}:${target.id}`;

/** The target a form value names, or null for anything else. */
export function parseTargetKey(key: string): MeetingTarget | null {
  const match = /^(card|item|domain):(.+)$/.exec(key);
  if (!match) return null;
  return { kind: match[1] as MeetingTarget['kind'], id: match[2] as string };
}

/** A target's name in the UI language; null when the board does not hold it (or is not read yet). */
export function targetLabel(
  roadmap: Roadmap | null,
  target: MeetingTarget,
  lang: Lang,
): string | null {
  if (!roadmap) return null;
  if (target.kind === 'card') {
    const card = roadmap.cards.find((c) => c.id === target.id);
    return card ? localize(card.title, lang) : null;
  }
  if (target.kind === 'item') {
    const item = roadmap.items.find((i) => i.id === target.id);
    return item ? localize(item.label, lang) : null;
  }
  const domain = roadmap.domains.find((d) => d.id === target.id);
  return domain ? localize(domain.label, lang) : null;
}

export interface TargetChoice {
  key: string;
  target: MeetingTarget;
  label: string;
}

/** The board's live cards and items (and domains when asked), in board order, for pickers. */
export function targetChoices(
  roadmap: Roadmap | null,
  lang: Lang,
): { cards: TargetChoice[]; items: TargetChoice[]; domains: TargetChoice[] } {
  const choice = (target: MeetingTarget, label: string): TargetChoice => ({
    key: targetKey(target),
    target,
    label,
  });
  return {
    cards: (roadmap?.cards ?? [])
      .filter((card) => !card.archived)
      .map((card) => choice({ kind: 'card', id: card.id }, localize(card.title, lang))),
    items: (roadmap?.items ?? []).map((item) =>
      choice({ kind: 'item', id: item.id }, localize(item.label, lang)),
    ),
    domains: (roadmap?.domains ?? []).map((domain) =>
      choice({ kind: 'domain', id: domain.id }, localize(domain.label, lang)),
    ),
  };
}

/**
 * A target's name for display: its name, "…" while the board is still being read, or a plain
 * "deleted" once the board is read and no longer holds it.
 */
export function targetName(roadmap: Roadmap | null, target: MeetingTarget, lang: Lang): string {
  if (!roadmap) return '…';
  return targetLabel(roadmap, target, lang) ?? meetingStrings[lang].unknownTarget;
}
