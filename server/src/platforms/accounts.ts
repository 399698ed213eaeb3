import type { platformAccounts } from '../db/schema/index.ts';

export type PlatformAccountRow = typeof platformAccounts.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from outside (URLs, platform payloads) that are not uuids are simply unknown; Postgres would reject the cast. */
export const isUuid = (value: string): boolean => UUID.test(value);
