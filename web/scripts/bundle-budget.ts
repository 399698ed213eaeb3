import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Vite's build manifest: one entry per chunk, keyed by its source. */
type ManifestChunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; css?: string[] };
export type Manifest = Record<string, ManifestChunk>;

/** The budget for the JavaScript of the first page a visitor sees, gzipped. */
export const firstPageBudgetBytes = 500 * 1024;

/** The chunk keys a chunk loads before it runs: itself and its static imports, transitively. */
export const staticClosure = (manifest: Manifest, key: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(key)) return seen;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
};

export type PageWeight = { page: string; files: string[]; gzipBytes: number };

/**
 * The JavaScript a first visit downloads: the entry (index.html's script and its preloads) plus the page chunk the
 * router loads for that URL (the sign-in page when signed out, the overview when signed in). Chunks a page loads
 * later on its own (the overview's chart) are reported apart by `lazyWeight`.
 */
export const measureFirstPages = (distDir: string, pages: Record<string, string>): PageWeight[] => {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const gzipOf = (file: string) => gzipSync(readFileSync(join(distDir, file))).length;
  const entry = staticClosure(manifest, 'index.html');
  return Object.entries(pages).map(([page, src]) => {
    const keys = staticClosure(manifest, src, new Set(entry));
    const files = [...keys].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
    return { page, files, gzipBytes: files.reduce((sum, file) => sum + gzipOf(file), 0) };
  });
};

/** The stylesheets the entry links (antd's compiled theme and the app's own), gzipped. */
export const entryCssWeight = (distDir: string): number => {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const files = [...staticClosure(manifest, 'index.html')].flatMap((key) => manifest[key]!.css ?? []);
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length, 0);
};

/** What a chunk adds on top of what is already loaded (e.g. the chart behind the overview). */
export const lazyWeight = (distDir: string, src: string, loaded: string[]): number => {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const keys = [...staticClosure(manifest, src)].filter((key) => !loaded.includes(manifest[key]!.file));
  return keys
    .map((key) => manifest[key]!.file)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length, 0);
};

/** The budget for the member pages (member.html at /m/<token>, opened on a phone from a chat), gzipped. */
export const memberPagesBudgetBytes = 120 * 1024;

/**
 * What an HTML entry of its own loads before it runs (the member pages: its script, the chunks it imports, and
 * its stylesheets), gzipped, and whether any of it is antd's.
 */
export const measureEntry = (
  distDir: string,
  entry: string,
): { files: string[]; gzipBytes: number; cssGzipBytes: number } => {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const gzipOf = (file: string) => gzipSync(readFileSync(join(distDir, file))).length;
  const keys = [...staticClosure(manifest, entry)];
  const files = keys.map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  const css = keys.flatMap((key) => manifest[key]!.css ?? []);
  return {
    files,
    gzipBytes: files.reduce((sum, file) => sum + gzipOf(file), 0),
    cssGzipBytes: css.reduce((sum, file) => sum + gzipOf(file), 0),
  };
};
