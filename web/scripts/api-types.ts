import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the console's API types live; committed, so a fresh clone builds without a running server. */
export const apiTypesFile = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

const banner = `/**
 * Generated from Orchard's OpenAPI document by \`npm run api:types -w web\`. Do not edit by hand:
 * change the server's routes and regenerate.
 */
`;

/** The TypeScript text of the API's paths and schemas, as openapi-fetch reads them. */
export const renderApiTypes = async (doc: unknown): Promise<string> =>
  banner + astToString(await openapiTS(doc as OpenAPI3, { alphabetize: false }));

/** Reads the document from the real HTTP app, in-process on a throwaway harness database. */
export const readOpenApiDocument = async (): Promise<unknown> => {
  const { createHarness } = await import('../../server/src/testing/harness.ts');
  const harness = await createHarness();
  try {
    return await (await harness.app.request('/api/openapi.json')).json();
  } finally {
    await harness.close();
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(apiTypesFile, await renderApiTypes(await readOpenApiDocument()));
  console.log(`wrote ${apiTypesFile}`);
}
