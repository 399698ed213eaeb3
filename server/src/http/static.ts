import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Router } from './app.ts';

const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * Serves the built console (web/dist) with a fallback to index.html for client-side routes, and the member pages
 * (web/dist/member.html, a separate light entry) at /m/<token>.
 */
export const mountWeb = (app: Router) => {
  if (!existsSync(webDist)) {
    app.get('/', (c) => c.text('Orchard is running. The console is not built: run `npm run build -w web`.'));
    return;
  }
  const root = relative(process.cwd(), webDist) || '.';
  // Asset names carry a content hash: cache them for good. The build leaves a .gz beside each script and
  // stylesheet, sent to browsers that accept gzip (the first page is ~0.4 MB gzipped, about four times that raw).
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('/assets/*', serveStatic({ root, precompressed: true }));
  // The member's link is their credential: the page must not leak it to other sites in a Referer, nor be kept
  // by a shared cache; the HTML itself is tiny and always fetched fresh so a new build reaches members at once.
  app.get('/m/*', async (c, next) => {
    c.header('referrer-policy', 'no-referrer');
    c.header('cache-control', 'no-store');
    c.header('x-robots-tag', 'noindex');
    return serveStatic({ root, path: 'member.html' })(c, next);
  });
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/webhooks/')) return next();
    return serveStatic({ root, path: 'index.html' })(c, next);
  });
};
