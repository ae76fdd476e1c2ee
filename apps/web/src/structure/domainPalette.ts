import type { Localized } from '@fdr/model';

/**
 * The colours a lane may take. The lane header writes its label in white on the lane's colour,
 * so every colour keeps white text at WCAG AA contrast (4.5:1 for normal text; checked by the
 * tests), and each has a name, so choosing one does not depend on seeing it. The 2016
 * template's ten colours are among them.
 */
export const DOMAIN_PALETTE: readonly { readonly colour: string; readonly name: Localized }[] = [
  { colour: '#1f4e79', name: { fr: 'Marine', en: 'Navy' } },
  { colour: '#0277bd', name: { fr: 'Bleu', en: 'Blue' } },
  { colour: '#283593', name: { fr: 'Indigo', en: 'Indigo' } },
  { colour: '#6a3d9a', name: { fr: 'Violet', en: 'Purple' } },
  { colour: '#8e24aa', name: { fr: 'Mauve', en: 'Orchid' } },
  { colour: '#ad1457', name: { fr: 'Framboise', en: 'Raspberry' } },
  { colour: '#b3261e', name: { fr: 'Rouge', en: 'Red' } },
  { colour: '#a14a00', name: { fr: 'Orange brûlé', en: 'Burnt orange' } },
  { colour: '#6b6100', name: { fr: 'Olive', en: 'Olive' } },
  { colour: '#2e7d32', name: { fr: 'Vert', en: 'Green' } },
  { colour: '#00695c', name: { fr: 'Sarcelle', en: 'Teal' } },
  { colour: '#455a64', name: { fr: 'Ardoise', en: 'Slate' } },
  { colour: '#5d4037', name: { fr: 'Brun', en: 'Brown' } },
  { colour: '#4a4a4a', name: { fr: 'Gris foncé', en: 'Dark grey' } },
];

/** The text colour of lane headers (canvas, table, picture). */
export const LANE_TEXT_COLOUR = '#ffffff';

/** WCAG relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number): number => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** The palette entry of a colour, or null for a colour set elsewhere (an import, say). */
export function paletteEntry(colour: string) {
  return DOMAIN_PALETTE.find((entry) => entry.colour === colour) ?? null;
}
