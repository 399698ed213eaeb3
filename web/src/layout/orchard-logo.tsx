/** The mark: a stylised tree in a rounded square, drawn inline so the first paint needs no image request. */
export const OrchardMark = ({ size = 28 }: { size?: number }) => (
  <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
    <rect width="32" height="32" rx="8" fill="#3fa065" />
    <circle cx="16" cy="13" r="7.5" fill="#ffffff" />
    <circle cx="13" cy="12" r="1.6" fill="#e5484d" />
    <circle cx="18.5" cy="15" r="1.6" fill="#e5484d" />
    <rect x="14.8" y="19" width="2.4" height="7" rx="1" fill="#ffffff" />
  </svg>
);

export const OrchardLogo = ({ collapsed }: { collapsed: boolean }) => (
  <div
    style={{
      height: 56,
      display: 'flex',
      alignItems: 'center',
      gap: 10,
      padding: collapsed ? '0 18px' : '0 20px',
      color: '#fff',
      fontWeight: 600,
      fontSize: 18,
      letterSpacing: 0.3,
      overflow: 'hidden',
      whiteSpace: 'nowrap',
    }}
  >
    <OrchardMark />
    {!collapsed && 'Orchard'}
  </div>
);
