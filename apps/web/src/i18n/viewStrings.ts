/** The canvas's view controls, skip link and top-bar menu. */
export const viewStrings = {
  fr: {
    skipToBoard: 'Aller au canevas',
    viewControls: 'Affichage',
    fitBoard: 'Vue d’ensemble',
    readableSize: 'Taille lisible',
    menu: 'Menu',
    cardShape: 'carte',
  },
  en: {
    skipToBoard: 'Skip to the canvas',
    viewControls: 'View',
    fitBoard: 'Fit the board',
    readableSize: 'Readable size',
    menu: 'Menu',
    cardShape: 'card',
  },
} as const;
