import { CheckOutlined } from '@ant-design/icons';

/** The palette offered for tags and groups: readable with white text, distinct from each other. */
export const tagPalette = [
  '#2f7d4a',
  '#1677ff',
  '#13a8a8',
  '#722ed1',
  '#eb2f96',
  '#f5222d',
  '#fa541c',
  '#d48806',
  '#7cb305',
  '#595959',
];

/** A form control (value/onChange) picking one colour of the palette, or none. */
export const ColorSwatches = ({
  value,
  onChange,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
}) => (
  <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
    {tagPalette.map((color) => (
      <button
        key={color}
        type="button"
        aria-label={color}
        aria-pressed={value === color}
        onClick={() => onChange?.(value === color ? null : color)}
        style={{
          width: 24,
          height: 24,
          borderRadius: 12,
          border: value === color ? '2px solid #141414' : '2px solid transparent',
          background: color,
          color: '#fff',
          cursor: 'pointer',
          display: 'grid',
          placeItems: 'center',
          padding: 0,
          fontSize: 11,
        }}
      >
        {value === color && <CheckOutlined />}
      </button>
    ))}
  </div>
);
