import { createRoute, z } from '@hono/zod-openapi';
import { bearer, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { AppError } from '../errors.ts';
import { createRouter } from '../http/app.ts';
import { exportMembers } from './export-members.ts';
import { importMembers } from './import-members.ts';
import { memberFilterQuery, toMemberFilter } from './members.schemas.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['members'] };

/** 10 MB of CSV is ~50,000 rows with room to spare. */
const MAX_CSV_BYTES = 10 * 1024 * 1024;

const importRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/members/import',
  operationId: 'importMembers',
  summary: 'Import members from CSV; every row is checked first and one broken row imports nothing',
  description:
    'Columns (header, any order): name (required), phone, store (store code), tags (names separated by ;), ' +
    'external_id (matches an existing member to update). Send text/csv, or JSON {"csv": "..."}.',
  request: {
    body: {
      required: true,
      content: {
        // Optional only because the JSON validator also sees text/csv requests (as {}); the handler requires it.
        'application/json': { schema: z.object({ csv: z.string().min(1).max(MAX_CSV_BYTES).optional() }) },
        'text/csv': { schema: z.string() },
      },
    },
  },
  responses: {
    200: jsonResponse(
      'What was imported',
      z.object({ created: z.number(), updated: z.number(), tagged: z.number() }),
    ),
  },
});

const exportRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/members/export',
  operationId: 'exportMembers',
  summary: 'The filtered members as CSV (same filters as listMembers)',
  request: { query: memberFilterQuery },
  responses: { 200: { description: 'CSV, UTF-8 with BOM', content: { 'text/csv': { schema: z.string() } } } },
});

const readCsv = async (req: {
  header: (name: string) => string | undefined;
  text: () => Promise<string>;
}) => {
  const type = req.header('content-type') ?? '';
  if (!type.includes('text/csv')) throw new AppError('bad_request', 'Send text/csv or JSON {"csv": "..."}');
  const text = await req.text();
  if (text.length > MAX_CSV_BYTES) throw new AppError('bad_request', 'The CSV is larger than 10 MB');
  return text;
};

/** Mounted before the members router: `/members/export` must not be taken for `/members/{id}`. */
export const membersCsvRouter = createRouter()
  .openapi(importRoute, async (c) => {
    const isJson = (c.req.header('content-type') ?? '').includes('json');
    const body = isJson ? c.req.valid('json') : undefined;
    const csv = body === undefined ? await readCsv(c.req) : typeof body === 'string' ? body : body.csv;
    if (csv === undefined) {
      throw new AppError('validation_failed', 'Invalid json: csv: required', [
        { path: 'csv', message: 'required' },
      ]);
    }
    return c.json(await importMembers(c.var.deps.db, { auth: c.var.auth, csv, now: c.var.deps.now() }), 200);
  })
  .openapi(exportRoute, async (c) => {
    const { tenantId, scope } = c.var.auth;
    const stream = await exportMembers(c.var.deps.db, {
      tenantId,
      scope,
      filter: toMemberFilter(c.req.valid('query')),
    });
    return c.body(stream, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="members.csv"',
    });
  });
