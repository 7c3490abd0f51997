/** Greets `name`, or asks for it when there is none; `shout` makes it upper case and loud. */
export function Greeting({ name, shout = false }: { name?: string; shout?: boolean }) {
  if (!name) {
    return <p className="greeting empty">Who are you?</p>;
  }
  const text = `Hello, ${name}!`;
  return <p className={shout ? 'greeting loud' : 'greeting'}>{shout ? text.toUpperCase() : text}</p>;
}
