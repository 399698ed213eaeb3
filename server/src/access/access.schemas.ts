import { z } from '@hono/zod-openapi';
import { roleNames } from '../db/schema/index.ts';

/** Zod schemas shared by the access, org and API-key routes. */
export const roleSchema = z.enum(roleNames).openapi('Role');

export const scopeSchema = z
  .union([
    z.object({ kind: z.literal('brand') }),
    z.object({ kind: z.literal('stores'), storeIds: z.array(z.uuid()) }),
  ])
  .openapi('Scope');

export const tenantSummarySchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string() })
  .openapi('TenantSummary');

/** Stored lower-cased, compared lower-cased. */
export const emailSchema = z
  .email()
  .max(320)
  .transform((email) => email.toLowerCase());

/** Long enough to resist guessing; capped so a request cannot make hashing expensive. */
export const newPasswordSchema = z.string().min(8).max(200);

export const idParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Every authenticated route declares the bearer scheme in the OpenAPI document. */
export const bearer = [{ bearer: [] }];
