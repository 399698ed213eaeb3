import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: './data',
      databaseUrl: undefined,
      role: 'all',
      sandboxEnabled: true,
      publicUrl: 'http://localhost:3000',
    });
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      PORT: '8080',
      ORCHARD_DATA_DIR: '/var/lib/orchard',
      DATABASE_URL: 'postgres://u@db:5432/orchard',
      ORCHARD_ROLE: 'worker',
      ORCHARD_SANDBOX: 'false',
      ORCHARD_ADMIN_EMAIL: 'boss@example.com',
      ORCHARD_ADMIN_PASSWORD: 'correct horse',
      PUBLIC_URL: 'https://scrm.example.com',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/orchard',
      databaseUrl: 'postgres://u@db:5432/orchard',
      role: 'worker',
      sandboxEnabled: false,
      admin: { email: 'boss@example.com', password: 'correct horse' },
      publicUrl: 'https://scrm.example.com',
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://root@localhost/x', /DATABASE_URL: must be a postgres/],
    ['ORCHARD_ROLE', 'both', /ORCHARD_ROLE/],
    ['ORCHARD_ADMIN_EMAIL', 'not-an-email', /ORCHARD_ADMIN_EMAIL/],
    ['ORCHARD_ADMIN_PASSWORD', 'short', /ORCHARD_ADMIN_PASSWORD: must be at least 8/],
    ['ORCHARD_SANDBOX', 'maybe', /ORCHARD_SANDBOX/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
  ])('stops on a bad %s (%s) naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', ORCHARD_ROLE: 'y' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'ORCHARD_ROLE',
        'PORT',
      ]);
    }
  });
});
