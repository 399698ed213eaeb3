// Run at install: builds the migrated PGlite template (server/.cache) so the first `orchard start` skips initdb and
// the migrations, and loads the server once so tsx's transform cache holds every source file.
import { pgliteTemplate } from '../src/db/client.ts';

const started = performance.now();
await Promise.all([pgliteTemplate(), import('../src/main.ts')]);
console.log(`orchard: embedded database template ready (${Math.round(performance.now() - started)} ms)`);
