import { expect, it } from 'vitest';
import { badge } from '../src/badge.tsx';
import { label } from '../src/label.jsx';

it('renders a badge as a span with the count', () => {
  expect(badge(3, 10)).toMatchObject({ type: 'span', props: { className: 'badge' }, children: [3] });
});

it('highlights a badge over its limit', () => {
  // Weak: only checks the badge is highlighted, not the exact class list.
  expect(badge(12, 10).props.className).toContain('alert');
});

it('renders a label in capitals', () => {
  expect(label('new')).toMatchObject({ type: 'b', children: ['NEW'] });
});
