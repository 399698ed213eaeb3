import type { Middleware } from './middleware.ts';

/**
 * The feature handlers every inbound event runs through, in order, after the built-in resolve step.
 * Features append their middleware here (acquisition, fission, loyalty…); each one looks at
 * `ctx.event.type` and calls `next()`.
 */
export const featureHandlers: Middleware[] = [];
