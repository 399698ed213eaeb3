import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractStyle } from '@ant-design/static-style-extract';
import { ConfigProvider } from 'antd';
import { createElement } from 'react';
import { orchardTheme } from '../src/theme.ts';

/** Where the compiled antd styles go; generated on every build, not committed. */
export const antdCssFile = fileURLToPath(new URL('../src/generated/antd.css', import.meta.url));

/** Every antd component's CSS for Orchard's theme, as the browser would otherwise generate it at run time. */
export const renderAntdCss = (): string => {
  // Rendering every component once makes antd warn about its own deprecated ones; those are not ours.
  const { error, warn } = console;
  const quiet =
    (log: typeof console.error) =>
    (...args: unknown[]) => {
      if (!String(args[0]).startsWith('Warning: [antd')) log(...args);
    };
  console.error = quiet(error);
  console.warn = quiet(warn);
  try {
    return extractStyle((node) => createElement(ConfigProvider, { theme: orchardTheme }, node));
  } finally {
    console.error = error;
    console.warn = warn;
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(antdCssFile), { recursive: true });
  const css = renderAntdCss();
  writeFileSync(antdCssFile, css);
  console.log(`wrote ${antdCssFile} (${(css.length / 1024).toFixed(0)} KB)`);
}
