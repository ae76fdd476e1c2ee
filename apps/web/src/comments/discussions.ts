import { localize, type Roadmap } from '@fdr/model';
import type { ReportedComment, TargetKind } from './commentsApi.ts';

/** A thread that moved since a date: its target, how many comments, and the latest one. */
export interface Discussion {
  targetKind: TargetKind;
  targetId: string;
  /** The card's title or the item's label, when known. */
  label: string | null;
  count: number;
  latest: ReportedComment;
}

/**
 * Comments created since a date, grouped by card or roadmap item, the most recently active
 * first. Deleted and hidden comments count as activity but never give the excerpt.
 */
export function discussionsOf(
  comments: readonly ReportedComment[],
  lang: 'fr' | 'en',
  roadmap: Roadmap | null = null,
): Discussion[] {
  const groups = new Map<string, Discussion>();
  for (const comment of comments) {
    const key = `${comment.targetKind}:${comment.targetId}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        targetKind: comment.targetKind,
        targetId: comment.targetId,
        label: labelOf(comment, lang, roadmap),
        count: 1,
        latest: comment,
      });
      continue;
    }
    group.count += 1;
    group.label ??= labelOf(comment, lang, roadmap);
    if (better(comment, group.latest)) group.latest = comment;
  }
  return [...groups.values()].sort((a, b) => b.latest.createdAt - a.latest.createdAt);
}

/** A readable comment beats an unreadable one; then the newer wins. */
function better(a: ReportedComment, b: ReportedComment): boolean {
  const readable = (c: ReportedComment) => c.body !== null && !c.deleted && !c.hidden;
  if (readable(a) !== readable(b)) return readable(a);
  return a.createdAt > b.createdAt;
}

/** The server's label (a string, or French and English), else the model's, else null. */
function labelOf(
  comment: ReportedComment,
  lang: 'fr' | 'en',
  roadmap: Roadmap | null,
): string | null {
  const given = comment.targetLabel;
  if (typeof given === 'string' && given.trim() !== '') return given;
  if (given && typeof given === 'object') {
    const { fr, en } = given as Record<string, unknown>;
    if (typeof fr === 'string' && typeof en === 'string' && (fr || en))
      return localize({ fr, en }, lang);
  }
  if (roadmap) {
    if (comment.targetKind === 'card') {
      const card = roadmap.cards.find((c) => c.id === comment.targetId);
      if (card) return localize(card.title, lang);
    } else {
      const item = roadmap.items.find((i) => i.id === comment.targetId);
      if (item) return localize(item.label, lang);
    }
  }
  return null;
}
