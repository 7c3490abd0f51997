/** A minimal JSX factory: an element is a plain object, no DOM, no React. */
export function h(type, props, ...children) {
  return { type, props: props ?? {}, children: children.flat() };
}
