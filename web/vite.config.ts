import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const assetsDir = fileURLToPath(new URL('./dist/assets', import.meta.url));

/** Writes a .gz beside each script and stylesheet; the server sends it as is (no compression per request). */
const precompress = (): Plugin => ({
  name: 'orchard-precompress',
  apply: 'build',
  closeBundle() {
    for (const file of readdirSync(assetsDir).filter((name) => /\.(js|css)$/.test(name))) {
      writeFileSync(
        join(assetsDir, `${file}.gz`),
        gzipSync(readFileSync(join(assetsDir, file)), { level: 9 }),
      );
    }
  },
});

export default defineConfig({
  plugins: [react(), precompress()],
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
  // The manifest tells the bundle-budget check which chunks the first page loads.
  build: { outDir: 'dist', emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 600 },
});
