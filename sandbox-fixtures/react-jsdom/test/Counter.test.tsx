import { fireEvent, render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { Counter } from '../src/Counter';

it('counts up and down with the unit in the right number', () => {
  render(<Counter label="Apples" max={5} />);
  const [minus, plus] = screen.getAllByRole('button');
  expect(screen.getByText('0 items')).toBeTruthy();
  expect(minus.hasAttribute('disabled')).toBe(true);
  fireEvent.click(plus);
  expect(screen.getByText('1 item')).toBeTruthy();
  expect(minus.hasAttribute('disabled')).toBe(false);
  fireEvent.click(plus);
  fireEvent.click(minus);
  expect(screen.getByText('1 item')).toBeTruthy();
});

it('stops at the limit and says so', () => {
  render(<Counter label="Pears" max={2} initial={1} />);
  const plus = screen.getAllByRole('button')[1];
  expect(screen.queryByRole('status')).toBeNull();
  fireEvent.click(plus);
  expect(plus.hasAttribute('disabled')).toBe(true);
  expect(screen.getByRole('status').textContent).toBe('Limit reached');
});
