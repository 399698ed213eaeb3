import { describe, expect, it } from 'vitest';
import { type Manifest, staticClosure } from '../scripts/bundle-budget.ts';

describe('staticClosure', () => {
  const manifest: Manifest = {
    'index.html': { file: 'a.js', imports: ['_b.js'] },
    '_b.js': { file: 'b.js', imports: ['_c.js', 'index.html'] },
    '_c.js': { file: 'c.js' },
    'page.tsx': { file: 'p.js', imports: ['_c.js'] },
  };

  it('follows static imports transitively, once each, cycles included', () => {
    expect([...staticClosure(manifest, 'index.html')]).toEqual(['index.html', '_b.js', '_c.js']);
  });

  it('adds only what a page needs beyond what is loaded', () => {
    const loaded = staticClosure(manifest, 'index.html');
    expect([...staticClosure(manifest, 'page.tsx', new Set(loaded))]).toEqual([
      'index.html',
      '_b.js',
      '_c.js',
      'page.tsx',
    ]);
  });

  it('fails loudly on a chunk the manifest does not know', () => {
    expect(() => staticClosure(manifest, 'missing.tsx')).toThrow(/not in the build manifest/);
  });
});
