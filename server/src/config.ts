import { z } from 'zod';

/** The only reader of process.env. Every variable has a default that runs with no environment at all. */
const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  ORCHARD_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  ORCHARD_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  ORCHARD_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  ORCHARD_ADMIN_EMAIL: z.email().optional(),
  ORCHARD_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  ORCHARD_SANDBOX: boolean.default(true),
  ORCHARD_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  ORCHARD_WORKER_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
  ORCHARD_WORKER_POLL_MS: z.coerce.number().int().min(5).max(60_000).default(200),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize: number;
  role: 'all' | 'api' | 'worker';
  secret?: string;
  admin: { email?: string; password?: string };
  sandboxEnabled: boolean;
  sessionTtlHours: number;
  worker: { batchSize: number; pollMs: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parse configuration from an environment (process.env by default); throws ConfigError naming each bad variable. */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    dataDir: e.ORCHARD_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    role: e.ORCHARD_ROLE,
    secret: e.ORCHARD_SECRET,
    admin: { email: e.ORCHARD_ADMIN_EMAIL, password: e.ORCHARD_ADMIN_PASSWORD },
    sandboxEnabled: e.ORCHARD_SANDBOX,
    sessionTtlHours: e.ORCHARD_SESSION_TTL_HOURS,
    worker: { batchSize: e.ORCHARD_WORKER_BATCH, pollMs: e.ORCHARD_WORKER_POLL_MS },
    logLevel: e.LOG_LEVEL,
  };
};
