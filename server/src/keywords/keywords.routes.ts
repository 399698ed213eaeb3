import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import { requireAuth } from '../access/require-auth.ts';
import { createRouter } from '../http/app.ts';
import { createKeywordRuleInput, keywordRuleSchema, updateKeywordRuleInput } from './keywords.schemas.ts';
import {
  createKeywordRule,
  deleteKeywordRule,
  listKeywordRules,
  updateKeywordRule,
} from './manage-keyword-rules.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['keywords'] };

const createRuleRoute = createRoute({
  ...authed,
  method: 'post',
  path: '/keyword-rules',
  operationId: 'createKeywordRule',
  summary: 'Create a keyword auto-reply rule (a catastrophic regex is refused)',
  request: { body: jsonBody(createKeywordRuleInput) },
  responses: { 201: jsonResponse('Created', keywordRuleSchema) },
});

const listRulesRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/keyword-rules',
  operationId: 'listKeywordRules',
  summary: 'Keyword rules the caller may see, highest priority first',
  responses: { 200: jsonResponse('Rules', z.object({ items: z.array(keywordRuleSchema) })) },
});

const updateRuleRoute = createRoute({
  ...authed,
  method: 'patch',
  path: '/keyword-rules/{id}',
  operationId: 'updateKeywordRule',
  request: { params: idParams, body: jsonBody(updateKeywordRuleInput) },
  responses: { 200: jsonResponse('Updated', keywordRuleSchema) },
});

const deleteRuleRoute = createRoute({
  ...authed,
  method: 'delete',
  path: '/keyword-rules/{id}',
  operationId: 'deleteKeywordRule',
  request: { params: idParams },
  responses: { 200: jsonResponse('Deleted', z.object({ id: z.uuid() })) },
});

export const keywordsRouter = createRouter()
  .openapi(createRuleRoute, async (c) =>
    c.json(await createKeywordRule(c.var.deps.db, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(listRulesRoute, async (c) =>
    c.json({ items: await listKeywordRules(c.var.deps.db, c.var.auth) }, 200),
  )
  .openapi(updateRuleRoute, async (c) => {
    const rule = await updateKeywordRule(c.var.deps.db, c.var.auth, {
      id: c.req.valid('param').id,
      changes: c.req.valid('json'),
      now: c.var.deps.now(),
    });
    return c.json(rule, 200);
  })
  .openapi(deleteRuleRoute, async (c) =>
    c.json(await deleteKeywordRule(c.var.deps.db, c.var.auth, c.req.valid('param').id), 200),
  );
