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

/** In development, /m/<token> opens the member pages as the server does in production. */
const memberPagesInDev = (): Plugin => ({
  name: 'orchard-member-pages-dev',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url?.startsWith('/m/')) req.url = '/member.html';
      next();
    });
  },
});

export default defineConfig({
  plugins: [react(), precompress(), memberPagesInDev()],
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
  // The manifest tells the bundle-budget check which chunks the first page loads. Two entries: the console
  // (index.html) and the member pages (member.html, served at /m/<token>: plain React, no antd).
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: { input: { index: 'index.html', member: 'member.html' } },
  },
});
