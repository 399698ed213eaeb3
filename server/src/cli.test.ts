import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from './cli.ts';
import { createEmptyPostgresDatabase } from './testing/database.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
  return { io, out: () => out.join('\n'), err: () => err.join('\n') };
};

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** Where a server under test keeps its data: a fresh PGlite folder, or an empty PostgreSQL database in the PG run. */
const serverEnv = async (): Promise<Record<string, string>> => {
  const dir = mkdtempSync(join(tmpdir(), 'orchard-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return { ORCHARD_DATA_DIR: dir };
  const empty = await createEmptyPostgresDatabase(adminUrl);
  cleanups.push(empty.drop);
  return { ORCHARD_DATA_DIR: dir, DATABASE_URL: empty.url };
};
const databaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

describe('orchard command', () => {
  it('prints help for the command and for each subcommand', async () => {
    const main = capture();
    expect(await runCli(['--help'], {}, main.io)).toBe(0);
    expect(main.out()).toMatch(/start .*\n.*migrate .*\n.*seed-demo/);
    for (const command of ['start', 'migrate', 'seed-demo']) {
      const c = capture();
      expect(await runCli([command, '--help'], {}, c.io)).toBe(0);
      expect(c.out()).toContain(`Usage: orchard ${command}`);
    }
  });

  it('refuses an unknown command or option with exit code 2', async () => {
    const unknown = capture();
    expect(await runCli(['launch'], {}, unknown.io)).toBe(2);
    expect(unknown.err()).toContain("unknown command 'launch'");
    const option = capture();
    expect(await runCli(['start', '--colour'], {}, option.io)).toBe(2);
    expect(option.err()).toContain('--colour');
  });

  it('stops on bad configuration naming the variable', async () => {
    const c = capture();
    expect(await runCli(['migrate'], { DATABASE_URL: 'mysql://x' }, c.io)).toBe(1);
    expect(c.err()).toContain('DATABASE_URL');
    const port = capture();
    expect(await runCli(['start', '--port', 'abc'], {}, port.io)).toBe(1);
    expect(port.err()).toContain('PORT');
  });

  it('migrates and seeds the demo brand, once', async () => {
    const env = await serverEnv();
    const migrate = capture();
    expect(await runCli(['migrate'], env, migrate.io)).toBe(0);
    expect(migrate.out()).toContain(`Migrations applied (${databaseKind})`);
    const admin = { ORCHARD_ADMIN_EMAIL: 'boss@example.com', ORCHARD_ADMIN_PASSWORD: 'a long password' };
    const first = capture();
    expect(await runCli(['seed-demo'], { ...env, ...admin }, first.io)).toBe(0);
    expect(first.out()).toContain('Demo brand created.');
    const second = capture();
    expect(await runCli(['seed-demo'], env, second.io)).toBe(0);
    expect(second.out()).toContain('Demo brand already present.');
  }, 150_000);
});

const bin = fileURLToPath(new URL('../bin/orchard.js', import.meta.url));

/** Starts `orchard start` as a real process and resolves with its URL once it says it is running. */
const startProcess = (env: Record<string, string>) =>
  new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'start', '--port', '0'], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    // Generous: a fresh PGlite runs initdb and every migration, and CI runs test files side by side on two cores.
    // How fast a start really is, is measured apart (README: `npm start` is up in seconds on a quiet machine).
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });

const stopProcess = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe('orchard start', () => {
  it('migrates an empty database, serves /healthz, signs the owner in, and keeps data across a restart', async () => {
    const env = {
      ...(await serverEnv()),
      ORCHARD_ADMIN_EMAIL: 'owner@example.com',
      ORCHARD_ADMIN_PASSWORD: 'correct horse battery',
    };
    const first = await startProcess(env);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({
      status: 'ok',
      database: databaseKind,
    });
    const res = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: env.ORCHARD_ADMIN_EMAIL, password: env.ORCHARD_ADMIN_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const created = await fetch(`${first.url}/api/v1/stores`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ code: 'SH01', name: 'Shanghai flagship' }),
    });
    expect(created.status).toBe(201);
    expect(await stopProcess(first.child)).toBe(0);

    const second = await startProcess(env);
    const stores = await fetch(`${second.url}/api/v1/stores`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await stores.json()) as { items: { code: string }[] };
    expect(body.items.map((s) => s.code)).toContain('SH01');
    expect(await stopProcess(second.child)).toBe(0);
  }, 240_000);
});
