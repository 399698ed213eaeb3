import type { platformAccounts } from '../db/schema/index.ts';

export type PlatformAccountRow = typeof platformAccounts.$inferSelect;
