/**
 * bench/startup — how long `orchard start --seed-demo` takes to answer /healthz on the embedded default: first on a
 * new data folder (the first `npm start` after install), then again on the same folder (a restart).
 *
 *   npm run bench:startup
 *
 * A new data folder is loaded from the migrated PGlite template that install builds (`npm run db:template -w
 * server`); without it, PGlite runs initdb and every migration first. BENCH_NO_TEMPLATE=1 measures that path too,
 * by starting once with the template folder moved aside (it is restored afterwards).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const orchard = fileURLToPath(new URL('../server/bin/orchard.js', import.meta.url));
const templateFolder = fileURLToPath(new URL('../server/.cache', import.meta.url));

const timeToHealthz = async (dataDir: string, port: number): Promise<number> => {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [orchard, 'start', '--seed-demo', '--data', dataDir, '--port', String(port)],
    {
      stdio: 'ignore',
      env: { ...process.env, LOG_LEVEL: 'warn' },
    },
  );
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`orchard start exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (performance.now() - started > 180_000) throw new Error('no /healthz within 180 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
};

const run = async (label: string) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'orchard-startup-'));
  try {
    const first = await timeToHealthz(dataDir, 3917);
    const again = await timeToHealthz(dataDir, 3917);
    console.log(
      `${label}: new data folder ${(first / 1000).toFixed(1)} s, restart ${(again / 1000).toFixed(1)} s`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

console.log(`node ${process.version}, load average ${(loadavg()[0] ?? 0).toFixed(1)}`);
await run('with the install-time template');
if (process.env.BENCH_NO_TEMPLATE && existsSync(templateFolder)) {
  const aside = `${templateFolder}.aside`;
  renameSync(templateFolder, aside);
  try {
    await run('without a template (initdb + migrations, then the template is built)');
  } finally {
    rmSync(templateFolder, { recursive: true, force: true });
    renameSync(aside, templateFolder);
  }
}
