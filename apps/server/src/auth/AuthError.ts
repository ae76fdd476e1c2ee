/** A refusal with an HTTP status and a message in both languages. */
export class AuthError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 429 | 503;
  readonly code: string;
  readonly fr: string;
  readonly retryAfterMs: number | undefined;

  constructor(
    status: AuthError['status'],
    code: string,
    message: { en: string; fr: string },
    retryAfterMs?: number,
  ) {
    super(message.en);
    this.name = 'AuthError';
    this.status = status;
    this.code = code;
    this.fr = message.fr;
    this.retryAfterMs = retryAfterMs;
  }
}
