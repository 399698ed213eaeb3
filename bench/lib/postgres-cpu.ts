import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds used by the PostgreSQL backends serving this database (Linux /proc; 0 elsewhere). Sampled
 * every 100 ms so that a backend the pool closes mid-stage still counts with its last reading.
 */
export const watchPostgresCpu = (databaseName: string | undefined) => {
  const ticksByPid = new Map<string, number>();
  let pids: string[] = [];
  let samples = 0;
  const findBackends = () =>
    readdirSync('/proc').filter((pid) => {
      try {
        return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(databaseName!);
      } catch {
        return false;
      }
    });
  const sample = () => {
    if (!databaseName || !existsSync('/proc')) return;
    // Looking for new backends reads every process's cmdline: once a second is enough.
    if (samples++ % 10 === 0) pids = findBackends();
    for (const pid of pids) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ticksByPid.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        // The backend ended; its last reading stands.
      }
    }
  };
  const timer = setInterval(sample, 100);
  timer.unref();
  return {
    seconds: () => {
      samples = 0;
      sample();
      return [...ticksByPid.values()].reduce((a, b) => a + b, 0) / 100;
    },
    stop: () => clearInterval(timer),
  };
};

/** CPU seconds (user + system) a process has used so far, from /proc (0 where there is none). */
export const processCpuSeconds = (pid: number | undefined): number => {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
