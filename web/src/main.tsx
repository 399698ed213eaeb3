import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
// antd's styles, compiled for Orchard's theme at build time (scripts/antd-css.ts); see theme.ts.
import './generated/antd.css';
import './app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
