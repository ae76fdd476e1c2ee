/** Every string of the UI, in both official languages. */
export const strings = {
  fr: {
    title: 'Feuille de route',
    tagline: 'Tableau blanc collaboratif pour la feuille de route des Conseils mixtes.',
    boards: 'Tableaux',
    loading: 'Chargement…',
    empty: 'Aucun tableau pour le moment. Le canevas arrive bientôt.',
    error: 'Impossible de joindre le serveur.',
    updated: 'Modifié le',
    switchTo: 'English',
  },
  en: {
    title: 'Roadmap',
    tagline: 'A collaborative whiteboard for the Joint Councils’ roadmap.',
    boards: 'Boards',
    loading: 'Loading…',
    empty: 'No boards yet. The canvas is coming soon.',
    error: 'The server cannot be reached.',
    updated: 'Updated on',
    switchTo: 'Français',
  },
} as const;

export type Lang = keyof typeof strings;
export type Strings = (typeof strings)[Lang];
