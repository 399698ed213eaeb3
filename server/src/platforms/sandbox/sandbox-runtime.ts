import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { ingestEvents } from '../../pipeline/ingest.ts';
import { type PlatformEvent, platformEventSchema } from '../platform.ts';
import type { SandboxAccount } from './sandbox.store.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as the sandbox raises it; the runtime stamps its unique id and time. */
export type RaisedEvent = DistributiveOmit<PlatformEvent, 'externalId' | 'occurredAt'>;

/** What a sandbox action sees: an open transaction, its account, the time, and a way to raise events. */
export type SandboxWorld = {
  db: Db;
  account: SandboxAccount;
  now: Date;
  emit: (event: RaisedEvent) => void;
  random: () => number;
};

/**
 * Run one sandbox action: the platform's state change and the events it raises are stored in ONE
 * transaction (events through the same ingestEvents the webhook route uses). Returns how many events
 * were new; the caller wakes the worker after commit when that is more than zero.
 */
export const runInSandbox = async <T>(
  options: { db: Db; account: SandboxAccount; now: () => Date; random?: () => number },
  action: (world: SandboxWorld) => Promise<T>,
): Promise<{ result: T; storedEvents: number }> => {
  const now = options.now();
  return options.db.transaction(async (tx) => {
    const events: PlatformEvent[] = [];
    const world: SandboxWorld = {
      db: tx,
      account: options.account,
      now,
      random: options.random ?? Math.random,
      emit: (event) => {
        events.push(
          platformEventSchema.parse({ ...event, externalId: `sbx-${randomUUID()}`, occurredAt: now }),
        );
      },
    };
    const result = await action(world);
    const storedEvents = await ingestEvents(
      tx,
      { tenantId: options.account.tenantId, platformAccountId: options.account.id },
      events,
    );
    return { result, storedEvents };
  });
};
