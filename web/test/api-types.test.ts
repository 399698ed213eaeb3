import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypesFile, readOpenApiDocument, renderApiTypes } from '../scripts/api-types.ts';

describe('generated API types', () => {
  it("match the server's OpenAPI document (else run `npm run api:types -w web` and commit)", async () => {
    const fresh = await renderApiTypes(await readOpenApiDocument());
    expect(
      readFileSync(apiTypesFile, 'utf8') === fresh,
      'web/src/api/schema.d.ts is stale: npm run api:types -w web',
    ).toBe(true);
  });
});
