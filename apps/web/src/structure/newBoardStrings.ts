/** The time frame of a new board, on the home page's creation form. */
export const newBoardStrings = {
  fr: {
    timeLegend: 'Calendrier',
    templateDates:
      'Le modèle de 2016 garde les dates de l’ébauche : phase 1 d’oct. 2016 à mars 2018, en trois périodes, puis la phase 2. Le secrétariat peut les changer ensuite dans la structure du tableau.',
    startMonth: 'Début de la phase 1 (mois)',
    periodCount: 'Nombre de périodes dans la phase 1',
    periodMonths: 'Durée d’une période (mois)',
    periodMonthsHint: 'Six mois par défaut : les conseils se réunissent deux fois par an.',
    limits: 'De {min} à {max}.',
    preview:
      'Phase 1 : {start} – {end}, {count} période(s) de {months} mois ; phase 2 à partir de {next}.',
    invalid:
      'Vérifiez le calendrier : un mois AAAA-MM, de {countMin} à {countMax} périodes de {monthsMin} à {monthsMax} mois.',
  },
  en: {
    timeLegend: 'Time frame',
    templateDates:
      'The 2016 template keeps the dates of the draft: Phase 1 from Oct 2016 to Mar 2018, in three periods, then Phase 2. The secretariat can change them later in the board structure.',
    startMonth: 'Start of Phase 1 (month)',
    periodCount: 'Number of periods in Phase 1',
    periodMonths: 'Length of a period (months)',
    periodMonthsHint: 'Six months by default: the councils meet twice a year.',
    limits: 'From {min} to {max}.',
    preview: 'Phase 1: {start} – {end}, {count} period(s) of {months} months; Phase 2 from {next}.',
    invalid:
      'Check the time frame: a month YYYY-MM, {countMin} to {countMax} periods of {monthsMin} to {monthsMax} months.',
  },
} as const;
