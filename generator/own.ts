/**
 * A record's own value for a key, or undefined: tables keyed by collection text (auth types,
 * languages, field names) must never find what Object.prototype holds under `constructor`,
 * `toString` or `__proto__`.
 */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
