/**
 * Toggles `className` on `target` on every click of `button`, and keeps aria-pressed in step.
 * Returns a function that unbinds the click handler.
 */
export function bindToggle(button: HTMLElement, target: HTMLElement, className = 'open'): () => void {
  const onClick = () => {
    const on = target.classList.toggle(className);
    button.setAttribute('aria-pressed', String(on));
  };
  button.addEventListener('click', onClick);
  return () => button.removeEventListener('click', onClick);
}
