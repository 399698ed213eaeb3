import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';

/**
 * The key that seals platform secrets. ORCHARD_SECRET wins; otherwise one is generated once and kept in the
 * data folder, so the embedded default needs no setup. Production must name it explicitly.
 */
export const resolveSecret = (config: Config): string => {
  if (config.secret) return config.secret;
  if (config.env === 'production') {
    throw new ConfigError(['ORCHARD_SECRET: required in production (at least 16 characters)']);
  }
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};
