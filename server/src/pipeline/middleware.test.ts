import { describe, expect, it } from 'vitest';
import { compose, type EventContext, type Middleware } from './middleware.ts';

const ctx = {} as EventContext;

describe('compose', () => {
  it('runs middleware in order, around next()', async () => {
    const log: string[] = [];
    const step =
      (name: string): Middleware =>
      async (_ctx, next) => {
        log.push(`${name} in`);
        await next();
        log.push(`${name} out`);
      };
    await compose([step('a'), step('b')])(ctx, async () => {
      log.push('end');
    });
    expect(log).toEqual(['a in', 'b in', 'end', 'b out', 'a out']);
  });

  it('stops the chain when a middleware does not call next()', async () => {
    const log: string[] = [];
    const stop: Middleware = async () => {
      log.push('stop');
    };
    const after: Middleware = async (_ctx, next) => {
      log.push('after');
      await next();
    };
    await compose([stop, after])(ctx, async () => {});
    expect(log).toEqual(['stop']);
  });

  it('refuses next() twice and passes errors up', async () => {
    const twice: Middleware = async (_ctx, next) => {
      await next();
      await next();
    };
    await expect(compose([twice])(ctx, async () => {})).rejects.toThrow('next() called more than once');
    const failing: Middleware = async () => {
      throw new Error('nope');
    };
    await expect(compose([failing])(ctx, async () => {})).rejects.toThrow('nope');
  });
});
