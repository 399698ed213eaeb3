import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MemberApp } from './member-app.tsx';
import './member.css';

/** The member pages' entry (member.html, served at /m/<token>): plain React and one stylesheet, no antd. */
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MemberApp />
    </StrictMode>,
  );
}
