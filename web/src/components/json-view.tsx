/** Raw payloads (events, audit data) for the operator who needs to see exactly what arrived. */
export const JsonView = ({ value }: { value: unknown }) => (
  <pre
    style={{
      margin: 0,
      maxHeight: 320,
      overflow: 'auto',
      background: '#f6f8fa',
      border: '1px solid #eef0f2',
      borderRadius: 6,
      padding: 12,
      fontSize: 12,
      lineHeight: 1.5,
    }}
  >
    {JSON.stringify(value, null, 2)}
  </pre>
);
