import { BOARD_TITLE_MAX } from '@fdr/model';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BoardTitleFields } from './BoardTitleFields.tsx';

describe('BoardTitleFields', () => {
  it('labels each title in the UI language and marks each field with its own language', () => {
    const html = renderToStaticMarkup(
      <BoardTitleFields
        id="f"
        lang="fr"
        title={{ fr: 'Feuille', en: 'Roadmap' }}
        onChange={() => {}}
      />,
    );
    expect(html).toContain('<label for="f-fr">Titre en français</label>');
    expect(html).toContain(
      `<input id="f-fr" lang="fr" maxLength="${BOARD_TITLE_MAX}" value="Feuille"/>`,
    );
    expect(html).toContain('<label for="f-en">Titre en anglais</label>');
    expect(html).toContain(
      `<input id="f-en" lang="en" maxLength="${BOARD_TITLE_MAX}" value="Roadmap"/>`,
    );
    const en = renderToStaticMarkup(
      <BoardTitleFields id="f" lang="en" title={{ fr: '', en: '' }} onChange={() => {}} />,
    );
    expect(en).toContain('>Title in French</label>');
    expect(en).toContain('>Title in English</label>');
  });
});
