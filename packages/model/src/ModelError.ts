import type { Localized } from './records/localized.ts';

/**
 * Machine-readable reason. Callers (REST routes, the canvas) branch on the code and show
 * `messages[locale]` to people; the English/French pair is the contract, not the wording.
 */
export type ModelErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'duplicate-id'
  | 'archived'
  | 'domain-not-empty'
  | 'last-domain'
  | 'invalid-position'
  | 'invalid-document'
  | 'schema-too-new'
  | 'schema-outdated'
  | 'not-initialized';

export type ModelErrorDetails = {
  /** JSON-pointer-like path of the offending value, e.g. `cards[3].title.fr`. */
  readonly path?: string;
  readonly id?: string;
};

export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly messages: Localized;
  readonly details: ModelErrorDetails;

  constructor(code: ModelErrorCode, messages: Localized, details: ModelErrorDetails = {}) {
    // Logs are read by operators in either language, so both go into the plain message.
    super(`${messages.en} / ${messages.fr}`);
    this.name = 'ModelError';
    this.code = code;
    this.messages = messages;
    this.details = details;
  }
}

export function isModelError(value: unknown): value is ModelError {
  return value instanceof ModelError;
}
