import { ApiError } from './api.ts';
import { type Lang, strings } from './i18n/strings.ts';

/** A refusal in the UI's language (the server sends both), or "cannot reach the server". */
export function errorText(error: unknown, lang: Lang): string {
  return error instanceof ApiError ? error.messages[lang] : strings[lang].error;
}
