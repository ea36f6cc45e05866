/**
 * The HTML page and the Markdown files show the same snippets and examples for each operation:
 * each is made once, on first need, and kept as long as the model object it describes.
 */
export function oncePer<K extends object, A extends unknown[], V>(
  make: (key: K, ...rest: A) => V,
): (key: K, ...rest: A) => V {
  const made = new WeakMap<K, V>();
  return (key, ...rest) => {
    if (made.has(key)) return made.get(key) as V;
    const value = make(key, ...rest);
    made.set(key, value);
    return value;
  };
}
