import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { Greeting } from '../src/Greeting';

it('greets by name', () => {
  render(<Greeting name="Ada" />);
  expect(screen.getByText('Hello, Ada!')).toBeTruthy();
});

// Weak on purpose: neither the case of the text nor the class is checked.
it('shouts', () => {
  render(<Greeting name="Ada" shout />);
  expect(screen.getByText(/ada/i)).toBeTruthy();
});

it('asks for a name when there is none', () => {
  const { container } = render(<Greeting />);
  expect(container.textContent).toContain('Who are you');
});
