import { z } from '@hono/zod-openapi';
import { emailSchema, newPasswordSchema, roleSchema } from '../access/access.schemas.ts';

export const regionSchema = z
  .object({ id: z.uuid(), name: z.string(), createdAt: z.string() })
  .openapi('Region');

export const regionInput = z.object({ name: z.string().trim().min(1).max(100) });

export const storeSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    regionId: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .openapi('Store');

export const storeInput = z.object({
  code: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(500).nullable().optional(),
  regionId: z.uuid().nullable().optional(),
});

export const grantSchema = z
  .object({ role: roleSchema, storeId: z.uuid().nullable().optional() })
  .openapi('RoleGrant');

export const staffSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    storeId: z.uuid().nullable(),
    isActive: z.boolean(),
    hasPassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    roles: z.array(z.object({ role: roleSchema, storeId: z.uuid().nullable() })),
  })
  .openapi('Staff');

export const createStaffInput = z.object({
  name: z.string().trim().min(1).max(200),
  email: emailSchema.nullable().optional(),
  password: newPasswordSchema.optional(),
  storeId: z.uuid().nullable().optional(),
  roles: z.array(grantSchema).max(100).optional(),
});

export const updateStaffInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  email: emailSchema.nullable().optional(),
  password: newPasswordSchema.optional(),
  storeId: z.uuid().nullable().optional(),
  isActive: z.boolean().optional(),
});

export const setStaffRolesInput = z.object({ roles: z.array(grantSchema).max(100) });
