import type { AuthContext } from '../access/auth-context.ts';
import type { AppDeps } from '../app/deps.ts';

/** Hono's typed context: the dependencies and, on authenticated routes, who is calling. */
export type AppEnv = {
  Variables: {
    deps: AppDeps;
    auth: AuthContext;
  };
};
