import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { AppDeps } from '../app/deps.ts';
import { AppError, type ErrorDetail, httpStatusOf } from '../errors.ts';
import type { AppEnv } from './env.ts';

export const detailsOf = (error: ZodError): ErrorDetail[] =>
  error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));

const errorBody = (code: string, message: string, details?: ErrorDetail[]) => ({
  error: { code, message, ...(details ? { details } : {}) },
});

/** A router whose validation failures answer 400 with the failing field paths. */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = detailsOf(result.error);
        return c.json(
          errorBody(
            'validation_failed',
            `Invalid ${result.target}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
            details,
          ),
          400,
        );
      }
    },
  });

export type Router = ReturnType<typeof createRouter>;

/** The HTTP application: deps in the context, one error mapping, no stack traces to clients. */
export const createHttpApp = (deps: AppDeps) => {
  const app = createRouter();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.onError((error, c) => {
    if (error instanceof AppError) {
      return c.json(errorBody(error.code, error.message, error.details), httpStatusOf[error.code]);
    }
    if (error instanceof HTTPException) {
      return c.json(errorBody('bad_request', error.message), error.status);
    }
    deps.logger.error({ err: error, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal', 'Internal server error'), 500);
  });
  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));
  return app;
};
