import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TableEmpty } from './table-empty.tsx';

const render = (props: Parameters<typeof TableEmpty>[0]) =>
  renderToStaticMarkup(createElement(TableEmpty, props));
const noop = () => {};

describe('TableEmpty', () => {
  it('is blank while the first page loads', () => {
    expect(
      render({ isPending: true, description: 'No codes yet', create: { label: 'New', onClick: noop } }),
    ).toBe(' ');
  });

  it('says what to do next, with a primary create button where the caller may create', () => {
    const html = render({ description: 'No codes yet', create: { label: 'New code', onClick: noop } });
    expect(html).toContain('No codes yet');
    expect(html).toMatch(/<button[^>]*ant-btn-primary[^>]*>.*New code/);
  });

  it('has no button when the caller may not create', () => {
    for (const create of [false, null, undefined] as const) {
      const html = render({ description: 'No codes yet', create });
      expect(html).toContain('No codes yet');
      expect(html).not.toContain('<button');
    }
  });

  it('makes a secondary button on request, and shows another action as given', () => {
    const secondary = render({
      description: 'No series',
      create: { label: 'New', onClick: noop, isPrimary: false },
    });
    expect(secondary).toContain('<button');
    expect(secondary).not.toContain('ant-btn-primary');
    const custom = render({
      description: 'No members',
      action: createElement('a', { href: '/simulator' }, 'Try'),
    });
    expect(custom).toContain('<a href="/simulator">Try</a>');
  });
});
