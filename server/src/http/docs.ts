import type { Router } from './app.ts';

/** The OpenAPI 3 document and a browsable reference page. */
export const mountDocs = (app: Router) => {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A session token from POST /api/v1/auth/login, or an API key (ok_…)',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Orchard API',
      version: '0.1.0',
      description: 'Community operations platform: communities, members, channel codes, campaigns, loyalty.',
    },
  });
  app.get('/api/docs', (c) => c.html(referencePage));
};

const referencePage = `<!doctype html>
<html><head><meta charset="utf-8"><title>Orchard API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><script id="api-reference" data-url="/api/openapi.json"></script>
<script src="https://cdn.jsdelivr.net/npm/@scalar/api-reference"></script></body></html>`;
