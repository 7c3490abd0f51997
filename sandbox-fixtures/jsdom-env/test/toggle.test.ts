import { expect, it } from 'vitest';
import { bindToggle } from '../src/toggle';

it('toggles the class and aria-pressed on each click', () => {
  const button = document.createElement('button');
  const menu = document.createElement('nav');
  document.body.append(button, menu);
  bindToggle(button, menu);

  button.click();
  expect(menu.classList.contains('open')).toBe(true);
  expect(button.getAttribute('aria-pressed')).toBe('true');

  button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  expect(menu.className).toBe('');
  expect(button.getAttribute('aria-pressed')).toBe('false');
});

it('takes another class name', () => {
  const button = document.createElement('button');
  const panel = document.createElement('section');
  bindToggle(button, panel, 'expanded');
  button.click();
  expect(panel.className).toBe('expanded');
});
