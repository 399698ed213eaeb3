import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Router } from './app.ts';

const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Serves the built console (web/dist) with a fallback to index.html for client-side routes. */
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
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/webhooks/')) return next();
    return serveStatic({ root, path: 'index.html' })(c, next);
  });
};
