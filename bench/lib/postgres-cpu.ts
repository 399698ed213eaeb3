import { existsSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used by the PostgreSQL backends serving the bench database (Linux /proc; 0 elsewhere, and 0
 * when `listBackends` is undefined, as on PGlite). The backends' pids come from PostgreSQL itself
 * (pg_stat_activity), asked once a second without blocking the server under test; their counters are read
 * every 100 ms so that a backend the pool closes mid-run still counts with its last reading.
 */
export const watchPostgresCpu = (listBackends: (() => Promise<number[]>) | undefined) => {
  const ticksByPid = new Map<number, number>();
  let pids: number[] = [];
  let samples = 0;
  const read = () => {
    for (const pid of pids) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ticksByPid.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        // The backend ended; its last reading stands.
      }
    }
  };
  const refresh = async () => {
    if (!listBackends || !existsSync('/proc')) return;
    pids = await listBackends();
    read();
  };
  const timer = setInterval(() => {
    if (samples++ % 10 === 0) void refresh().catch(() => {});
    else read();
  }, 100);
  timer.unref();
  return {
    seconds: async () => {
      await refresh();
      return [...ticksByPid.values()].reduce((a, b) => a + b, 0) / 100;
    },
    stop: () => clearInterval(timer),
  };
};

/** The pids of the backends serving the current database, for watchPostgresCpu. */
export const backendsOf =
  (database: { executeSql: (text: string) => Promise<{ rows: unknown[] }> }) =>
  async (): Promise<number[]> => {
    const { rows } = await database.executeSql(
      'select pid from pg_stat_activity where datname = current_database()',
    );
    return rows.map((row) => Number((row as { pid: number }).pid));
  };

/** CPU seconds (user + system) a process has used so far, from /proc (0 where there is none). */
export const processCpuSeconds = (pid: number | undefined): number => {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
