import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stdout. Secrets never reach a log line: headers that carry them are
 * redacted wherever they appear.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'feuille-de-route' },
      redact: {
        paths: [
          '*.headers.cookie',
          '*.headers.authorization',
          'cookie',
          'authorization',
          'password',
          '*.password',
          'token',
          '*.token',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
