import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { notFound } from '../errors.ts';
import { createRouter } from '../http/app.ts';
import { createPartner, listPartners, updatePartner } from './partners.store.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['acquisition'] };

const fields = {
  name: z.string().trim().min(1).max(100),
  storeId: z.uuid().nullable().optional(),
  contact: z.string().trim().max(200).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
};
const partnerInput = z.object(fields).openapi('PartnerInput');
const partnerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    storeId: z.uuid().nullable(),
    contact: z.string().nullable(),
    note: z.string().nullable(),
    arrivals: z.number(),
    newMembers: z.number(),
    createdAt: z.string(),
  })
  .openapi('Partner');

const routes = {
  create: createRoute({
    ...authed,
    method: 'post',
    path: '/partners',
    operationId: 'createPartner',
    summary: 'Add a partner merchant (community alliance); partner codes attribute members to it',
    request: { body: jsonBody(partnerInput) },
    responses: { 201: jsonResponse('The partner', partnerSchema) },
  }),
  list: createRoute({
    ...authed,
    method: 'get',
    path: '/partners',
    operationId: 'listPartners',
    summary: 'Partners with the members their codes brought',
    responses: { 200: jsonResponse('Partners', z.object({ items: z.array(partnerSchema) })) },
  }),
  update: createRoute({
    ...authed,
    method: 'patch',
    path: '/partners/{id}',
    operationId: 'updatePartner',
    request: { params: idParams, body: jsonBody(z.object(fields).partial()) },
    responses: { 200: jsonResponse('The partner', partnerSchema) },
  }),
};

const viewOf = async (deps: Parameters<typeof listPartners>[0], tenantId: string, id: string) => {
  const [view] = await listPartners(deps, tenantId, id);
  if (!view) throw notFound('Partner');
  return view;
};

export const partnersRouter = createRouter()
  .openapi(routes.create, async (c) => {
    const id = await createPartner(c.var.deps, c.var.auth, c.req.valid('json'));
    return c.json(await viewOf(c.var.deps, c.var.auth.tenantId, id), 201);
  })
  .openapi(routes.list, async (c) =>
    c.json({ items: await listPartners(c.var.deps, c.var.auth.tenantId) }, 200),
  )
  .openapi(routes.update, async (c) => {
    const id = await updatePartner(c.var.deps, c.var.auth, c.req.valid('param').id, c.req.valid('json'));
    return c.json(await viewOf(c.var.deps, c.var.auth.tenantId, id), 200);
  });
