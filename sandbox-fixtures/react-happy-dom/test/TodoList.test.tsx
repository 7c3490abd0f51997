import { fireEvent, render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { TodoList } from '../src/TodoList';

it('shows a placeholder and no open items when empty', () => {
  render(<TodoList />);
  expect(screen.getByText('Nothing to do')).toBeTruthy();
  expect(screen.getByText('0 open')).toBeTruthy();
});

it('adds trimmed titles and clears the field', () => {
  render(<TodoList />);
  const field = screen.getByLabelText('New to-do') as HTMLInputElement;
  fireEvent.change(field, { target: { value: '  milk ' } });
  fireEvent.click(screen.getByText('Add'));
  expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['milk']);
  expect(field.value).toBe('');
  expect(screen.getByText('1 open')).toBeTruthy();
});

it('ignores a blank title', () => {
  render(<TodoList initial={['bread']} />);
  fireEvent.change(screen.getByLabelText('New to-do'), { target: { value: '   ' } });
  fireEvent.click(screen.getByText('Add'));
  expect(screen.getAllByRole('listitem')).toHaveLength(1);
});

it('ticks an item off', () => {
  render(<TodoList initial={['bread', 'eggs']} />);
  fireEvent.click(screen.getByLabelText('eggs'));
  expect(screen.getByText('1 open')).toBeTruthy();
  expect((screen.getByLabelText('eggs') as HTMLInputElement).checked).toBe(true);
});
