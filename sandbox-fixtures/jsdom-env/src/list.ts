/** Renders `items` into `list` as <li> elements, replacing what was there; no items → a placeholder. */
export function renderList(list: HTMLElement, items: string[]): void {
  if (items.length === 0) {
    list.replaceChildren(document.createTextNode('Nothing here yet'));
    return;
  }
  list.replaceChildren(
    ...items.map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }),
  );
}
