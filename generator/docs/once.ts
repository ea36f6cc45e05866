/**
 * The HTML page and the Markdown files show the same snippets and examples for each operation:
 * each is made once, on first need, and kept as long as the model object it describes.
 */
export function oncePer<K extends object, A extends [] | [unknown], V>(
  make: (key: K, ...rest: A) => V,
): (key: K, ...rest: A) => V {
  const made = new WeakMap<K, V>();
  const makeOne = make as (key: K, extra?: unknown) => V;
  // One lookup when the value is made already (most calls), and no array for the arguments:
  // thousands of calls on a large collection.
  const once = (key: K, extra?: unknown): V => {
    const known = made.get(key);
    if (known !== undefined || made.has(key)) return known as V;
    const value = makeOne(key, extra);
    made.set(key, value);
    return value;
  };
  return once as (key: K, ...rest: A) => V;
}
