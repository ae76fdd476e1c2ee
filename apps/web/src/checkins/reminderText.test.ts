import { describe, expect, it } from 'vitest';
import { reminderText } from './reminderText.ts';

describe('reminder text', () => {
  const text = reminderText(
    [
      { title: { fr: 'Équipe spéciale chargée de la sécurité', en: 'Security' }, lastAt: null },
      { title: { fr: '', en: 'Open data' }, lastAt: '2018-01-03T15:00:00.000Z' },
    ],
    {
      days: 60,
      link: 'https://roadmap.example.gc.ca/me',
      boardTitle: { fr: 'Feuille de route', en: 'Roadmap' },
    },
  );
  const [fr, en] = text.split('* * *');

  it('is in French, then in English, with the delay and the link in both', () => {
    expect(fr).toContain('plus de 60 jours');
    expect(en).toContain('more than 60 days');
    expect(fr).toContain('https://roadmap.example.gc.ca/me');
    expect(en).toContain('https://roadmap.example.gc.ca/me');
    expect(fr).toContain('« Feuille de route »');
    expect(en).toContain('“Roadmap”');
  });

  it('lists every overdue team with its last check-in, titles falling back to the other language', () => {
    expect(fr).toContain('- Équipe spéciale chargée de la sécurité (aucun bilan à ce jour)');
    expect(en).toContain('- Security (no check-in yet)');
    expect(fr).toMatch(/- Open data \(dernier bilan le 3 janv\.? 2018\)/);
    expect(en).toMatch(/- Open data \(last check-in on Jan\.? 3, 2018\)/);
  });
});
