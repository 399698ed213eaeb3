import { parseArgs } from 'node:util';
import { ensureOwner } from './access/bootstrap-owner.ts';
import { createDeps } from './app/create-deps.ts';
import { resolveSecret } from './app/resolve-secret.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { createRecordingQueue } from './jobs/queue.ts';
import { createLogger } from './lib/logger.ts';
import { openConfiguredDatabase, startOrchard } from './main.ts';

const usage: Record<string, string> = {
  main: `Usage: orchard <command> [options]

Commands:
  start       Serve the HTTP API and run the worker (one process by default)
  migrate     Apply database migrations and exit
  seed-demo   Create the demo brand (stores, staff, sandbox groups) if it is not there yet

Run 'orchard <command> --help' for the options of a command.
The database is PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in the data folder.`,
  start: `Usage: orchard start [--role all|api|worker] [--port N] [--data DIR] [--seed-demo]

  --role       all (default): API and worker in one process; api or worker to split them (ORCHARD_ROLE)
  --port       HTTP port (PORT, default 3000)
  --data       data folder for the embedded database and the generated secret (ORCHARD_DATA_DIR, default ./data)
  --seed-demo  create the demo brand on first start`,
  migrate: `Usage: orchard migrate [--data DIR]

  Applies pending migrations to the configured database (DATABASE_URL, or PGlite in --data).`,
  'seed-demo': `Usage: orchard seed-demo [--data DIR]

  Creates the owner (ORCHARD_ADMIN_EMAIL / ORCHARD_ADMIN_PASSWORD, or generated) and the demo brand.`,
};

export type CliIo = { out: (text: string) => void; err: (text: string) => void };

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Runs one command; returns the exit code (`start` keeps running until a signal). */
export const runCli = async (
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliIo = processIo,
): Promise<number> => {
  const print = io.out;
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    print(usage.main!);
    return command ? 0 : 1;
  }
  if (!(command in usage) || command === 'main') {
    io.err(`orchard: unknown command '${command}'\n\n${usage.main}`);
    return 2;
  }
  let values: { help?: boolean; role?: string; port?: string; data?: string; 'seed-demo'?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        help: { type: 'boolean', short: 'h' },
        role: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        'seed-demo': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`orchard ${command}: ${(error as Error).message}\n\n${usage[command]}`);
    return 2;
  }
  if (values.help) {
    print(usage[command]!);
    return 0;
  }

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({
      ...env,
      ...(values.port !== undefined ? { PORT: values.port } : {}),
      ...(values.data !== undefined ? { ORCHARD_DATA_DIR: values.data } : {}),
      ...(values.role !== undefined ? { ORCHARD_ROLE: values.role } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`orchard: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  if (command === 'start') {
    const running = await startOrchard({ config, logger, seedDemo: values['seed-demo'] });
    if (running.url)
      print(`\n  Orchard is running at ${running.url}\n  API reference: ${running.url}/api/docs`);
    if (running.login?.password) {
      print(`  Sign in with ${running.login.email} / ${running.login.password}  (shown once: keep it)`);
    } else if (running.login) {
      print(`  Sign in as ${running.login.email}`);
    }
    print('');
    const shutdown = async () => {
      logger.info('shutting down');
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    return new Promise<number>(() => {});
  }

  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    if (command === 'migrate') {
      print(`Migrations applied (${database.kind}).`);
      return 0;
    }
    const deps = createDeps({
      config,
      database,
      logger,
      jobs: createRecordingQueue(),
      secret: resolveSecret(config),
    });
    const owner = await ensureOwner(deps, { email: config.admin.email, password: config.admin.password });
    const seeded = await seedDemo(deps, { tenantId: owner.tenantId });
    print(seeded.created ? 'Demo brand created.' : 'Demo brand already present.');
    if (owner.password) print(`Sign in with ${owner.email} / ${owner.password}  (shown once: keep it)`);
    return 0;
  } finally {
    await database.close();
  }
};
