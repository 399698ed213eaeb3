import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadReport, LoadSpec } from './load-generator.ts';

const generator = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

/**
 * Post the load from a child process, so the client's work (signing, HTTP) does not share the server's
 * event loop. Resolves with the child's report; a child that dies or hangs past `timeoutMs` rejects.
 */
export const runLoadInChild = (spec: LoadSpec, timeoutMs: number): Promise<LoadReport> =>
  new Promise((resolve, reject) => {
    const child = fork(generator, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`load generator still running after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('message', (report: LoadReport) => {
      clearTimeout(timer);
      resolve(report);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`load generator exited with ${code} before reporting`));
    });
    child.send(spec);
  });
