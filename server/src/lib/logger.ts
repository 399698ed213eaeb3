import { type Logger, pino } from 'pino';

export type { Logger };

/** Paths that may carry secrets; pino replaces them before anything is written. */
const redact = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  '*.secrets',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

export const createLogger = (level: string, name = 'orchard'): Logger =>
  pino({ name, level, redact: { paths: redact, censor: '[redacted]' } });

export const silentLogger: Logger = pino({ level: 'silent' });
