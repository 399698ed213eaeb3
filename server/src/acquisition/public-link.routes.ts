import { createRoute, z } from '@hono/zod-openapi';
import { jsonResponse } from '../access/access.schemas.ts';
import { createRouter } from '../http/app.ts';
import { openChannelCode } from './open-code-link.ts';

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * The public link a code's QR encodes: no sign-in (it is what customers scan). Orchard picks the staff member
 * or group now and redirects to that platform link (WeCom contact-me or join-way QR, a Telegram deep or invite
 * link, a sandbox link).
 */
const openRoute = createRoute({
  method: 'get',
  path: '/c/{token}',
  operationId: 'openChannelCodeLink',
  tags: ['acquisition'],
  summary: 'Open a channel code: redirect to the platform link Orchard chose for this scan',
  request: {
    params: z.object({
      token: z
        .string()
        .regex(/^[A-Za-z0-9_-]{6,64}$/)
        .openapi({ param: { name: 'token', in: 'path' } }),
    }),
  },
  responses: {
    302: { description: 'To the platform link' },
    404: jsonResponse('No such code', errorSchema),
    410: jsonResponse('The code has ended (expired, reached its cap, archived)', errorSchema),
    503: jsonResponse('Nowhere to go right now (every group full while the next opens)', errorSchema),
  },
});

export const publicLinkRouter = createRouter().openapi(openRoute, async (c) => {
  const scan = await openChannelCode(c.var.deps, { token: c.req.valid('param').token });
  if (scan.outcome === 'redirect') return c.redirect(scan.url, 302);
  if (scan.outcome === 'closed') {
    return c.json({ error: { code: 'gone', message: `This code has ended (${scan.status})` } }, 410);
  }
  c.header('retry-after', '5');
  return c.json({ error: { code: 'unavailable', message: scan.reason } }, 503);
});
