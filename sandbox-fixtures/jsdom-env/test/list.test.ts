import { beforeEach, expect, it } from 'vitest';
import { renderList } from '../src/list';

beforeEach(() => {
  document.body.innerHTML = '<ul id="todo"><li>stale</li></ul>';
});

it('renders one item per entry, replacing the old ones', () => {
  const list = document.getElementById('todo')!;
  renderList(list, ['milk', 'bread']);
  expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['milk', 'bread']);
});

it('shows a placeholder for no items', () => {
  const list = document.getElementById('todo')!;
  renderList(list, []);
  expect(list.children).toHaveLength(0);
  expect(list.textContent).toBe('Nothing here yet');
});
