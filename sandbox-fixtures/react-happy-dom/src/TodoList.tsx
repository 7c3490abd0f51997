import { useState, type FormEvent } from 'react';

interface Todo {
  id: number;
  title: string;
  done: boolean;
}

/** A to-do list: a form that adds trimmed titles, a checkbox per item, the count still open. */
export function TodoList({ initial = [] }: { initial?: string[] }) {
  const [todos, setTodos] = useState<Todo[]>(() => initial.map((title, id) => ({ id, title, done: false })));
  const [draft, setDraft] = useState('');

  const add = (event: FormEvent) => {
    event.preventDefault();
    const title = draft.trim();
    if (title === '') return;
    setTodos([...todos, { id: todos.length, title, done: false }]);
    setDraft('');
  };
  const toggle = (id: number) => setTodos(todos.map((todo) => (todo.id === id ? { ...todo, done: !todo.done } : todo)));
  const open = todos.filter((todo) => !todo.done).length;

  return (
    <form onSubmit={add}>
      <input aria-label="New to-do" value={draft} onChange={(event) => setDraft(event.target.value)} />
      <button type="submit">Add</button>
      {todos.length === 0 ? (
        <p>Nothing to do</p>
      ) : (
        <ul>
          {todos.map((todo) => (
            <li key={todo.id} className={todo.done ? 'done' : ''}>
              <label>
                <input type="checkbox" checked={todo.done} onChange={() => toggle(todo.id)} />
                {todo.title}
              </label>
            </li>
          ))}
        </ul>
      )}
      <p aria-live="polite">{`${open} open`}</p>
    </form>
  );
}
