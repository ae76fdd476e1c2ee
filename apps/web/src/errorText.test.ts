import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { errorText } from './errorText.ts';
import { strings } from './i18n/strings.ts';

describe('errorText', () => {
  it('shows a refusal in the UI language, as the server wrote it', () => {
    const refusal = new ApiError(409, { fr: 'Déjà pris.', en: 'Already taken.' });
    expect(errorText(refusal, 'fr')).toBe('Déjà pris.');
    expect(errorText(refusal, 'en')).toBe('Already taken.');
  });

  it('says the server could not be reached for anything else', () => {
    expect(errorText(new TypeError('Failed to fetch'), 'fr')).toBe(strings.fr.error);
    expect(errorText(undefined, 'en')).toBe(strings.en.error);
  });
});
