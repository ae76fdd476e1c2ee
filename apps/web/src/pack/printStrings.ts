/** Strings of the printed board picture (the meeting pack's pages), in both official languages. */
export const printStrings = {
  fr: {
    tileCaption: 'Le tableau, partie {index} sur {count} : {phases} · {first} à {last}',
    tileCaptionOneLane: 'Le tableau, partie {index} sur {count} : {phases} · {first}',
    leftOut: 'Les parties sans carte ni activité ne sont pas imprimées ({count}).',
    continued: '{lane} (suite)',
  },
  en: {
    tileCaption: 'The board, part {index} of {count}: {phases} · {first} to {last}',
    tileCaptionOneLane: 'The board, part {index} of {count}: {phases} · {first}',
    leftOut: 'Parts with no card and no item are not printed ({count}).',
    continued: '{lane} (continued)',
  },
} as const;
