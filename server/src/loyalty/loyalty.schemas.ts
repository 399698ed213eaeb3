import { z } from '@hono/zod-openapi';
import { pointsEntryKinds } from '../db/schema/index.ts';

/** Response schemas shared by the staff routes and the member pages. */

export const ledgerEntrySchema = z
  .object({
    id: z.number(),
    kind: z.enum(pointsEntryKinds),
    points: z.number(),
    reason: z.string(),
    source: z.string(),
    expiresAt: z.string().nullable(),
    reversesId: z.number().nullable(),
    createdAt: z.string(),
  })
  .openapi('PointsEntry');

export const levelSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  rank: z.number(),
  pointsMultiplierPercent: z.number(),
  hasMemberOnlyAccess: z.boolean(),
});

export const pointsSummarySchema = z
  .object({
    balance: z.number(),
    lifetimePoints: z.number(),
    spendCents: z.number(),
    makeupCards: z.number(),
    level: levelSummarySchema.nullable(),
    nextLevel: z
      .object({ id: z.uuid(), name: z.string(), threshold: z.number(), remaining: z.number() })
      .nullable(),
    expiring: z.object({ points: z.number(), at: z.string() }).nullable(),
  })
  .openapi('PointsSummary');
