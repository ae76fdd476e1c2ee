import type { Localized } from '@fdr/model';
import { formatDate } from '../i18n/format.ts';

export interface OverdueTeam {
  title: Localized;
  /** Timestamp of the latest check-in, or null: never checked in. */
  lastAt: string | null;
}

/** A title in one language, else the other (a team named in one language only keeps its name). */
const titleIn = (title: Localized, lang: 'fr' | 'en') =>
  (lang === 'fr' ? title.fr : title.en).trim() || (lang === 'fr' ? title.en : title.fr).trim();

/**
 * The secretariat's reminder to overdue task teams, ready to paste in an email: French first,
 * then English (the usual order of bilingual federal correspondence), one line per team with its
 * last check-in, and the address of the "My task teams" page.
 */
export function reminderText(
  teams: readonly OverdueTeam[],
  options: { days: number; link: string; boardTitle: Localized },
): string {
  const line = (team: OverdueTeam, lang: 'fr' | 'en') => {
    const last =
      team.lastAt === null
        ? lang === 'fr'
          ? 'aucun bilan à ce jour'
          : 'no check-in yet'
        : lang === 'fr'
          ? `dernier bilan le ${formatDate(team.lastAt, 'fr')}`
          : `last check-in on ${formatDate(team.lastAt, 'en')}`;
    return `- ${titleIn(team.title, lang)} (${last})`;
  };
  const fr = [
    'Bonjour,',
    '',
    `Les équipes spéciales suivantes de la feuille de route « ${titleIn(options.boardTitle, 'fr')} » n’ont pas présenté de bilan depuis plus de ${options.days} jours :`,
    ...teams.map((team) => line(team, 'fr')),
    '',
    `Pourriez-vous enregistrer un bilan (état, avancement, prochain jalon, demandes et risques) ? Cela prend une minute : ${options.link}`,
    '',
    'Merci,',
    'Le secrétariat des Conseils mixtes',
  ];
  const en = [
    'Hello,',
    '',
    `The following task teams of the “${titleIn(options.boardTitle, 'en')}” roadmap have not checked in for more than ${options.days} days:`,
    ...teams.map((team) => line(team, 'en')),
    '',
    `Could you record a check-in (status, progress, next milestone, asks and risks)? It takes a minute: ${options.link}`,
    '',
    'Thank you,',
    'The Joint Councils secretariat',
  ];
  return [...fr, '', '* * *', '', ...en].join('\n');
}
