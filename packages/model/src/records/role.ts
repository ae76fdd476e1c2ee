import type { Localized } from './localized.ts';

/**
 * The four roles a task team (or a roadmap item) plays in the 2016 draft. The slides also write
 * the intermediary as "Br" (broker); it is the same role and is stored as 'Int'. A person's role
 * on a board is another thing: `BoardRole` (access/boardRole.ts).
 */
export const ROLES = ['CE', 'Pr', 'Int', 'In'] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, Localized>> = {
  CE: { fr: "Centre d'excellence", en: 'Centre of expertise' },
  Pr: { fr: 'Promoteur', en: 'Promoter' },
  Int: { fr: 'Intermédiaire', en: 'Broker / intermediary' },
  In: { fr: 'Incubateur', en: 'Incubator' },
};
