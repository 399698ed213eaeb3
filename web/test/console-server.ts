import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/src/config.ts';
import { silentLogger } from '../../server/src/lib/logger.ts';
import { type RunningOrchard, startOrchard } from '../../server/src/main.ts';
import { createTestDatabase } from '../../server/src/testing/database.ts';

export const owner = { email: 'owner@console.test', password: 'console-owner-pass' };

/**
 * The real Orchard (HTTP API, worker, pg-boss, demo brand, the built console from web/dist) on a harness database
 * (in-memory PGlite, or a fresh database on TEST_DATABASE_URL), listening on 127.0.0.1 at a random port.
 */
export const startConsoleServer = async (): Promise<{
  url: string;
  orchard: RunningOrchard;
  stop: () => Promise<void>;
}> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'orchard-console-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_URL: 'http://127.0.0.1:0',
    ORCHARD_DATA_DIR: dataDir,
    ORCHARD_SECRET: 'console-test-secret-0123456789',
    ORCHARD_ADMIN_EMAIL: owner.email,
    ORCHARD_ADMIN_PASSWORD: owner.password,
  });
  const orchard = await startOrchard({
    config,
    logger: silentLogger,
    seedDemo: true,
    database: await createTestDatabase(),
  });
  if (!orchard.url) throw new Error('Orchard started without HTTP');
  return {
    url: orchard.url,
    orchard,
    stop: async () => {
      await orchard.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** A small JSON client for arranging data through the API, as an integration would. */
export const createApi =
  (url: string, token?: string) =>
  async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  };
