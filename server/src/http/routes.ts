import type { AppDeps } from '../app/deps.ts';
import { createHttpApp } from './app.ts';
import { mountDocs } from './docs.ts';

/** The whole HTTP surface: each feature mounts its router here. */
export const buildHttpApp = (deps: AppDeps) => {
  const app = createHttpApp(deps);
  app.get('/healthz', async (c) => {
    await deps.database.executeSql('select 1', []);
    return c.json({ status: 'ok', database: deps.database.kind });
  });
  // Feature routers (each a createRouter() from http/app.ts) are mounted below.
  mountDocs(app);
  return app;
};

export type HttpApp = ReturnType<typeof buildHttpApp>;
