/**
 * The names one generated file uses at its top level. What the file declares is fixed (it is the
 * client's API); what it imports takes its own name when free, so hovers read `DevicesListParams`
 * and `PagedCall`, and a `$` in front only when a collection's names would collide with it.
 */
export class FileScope {
  readonly #taken = new Set<string>();
  readonly #local = new Map<string, string>();

  constructor(declared: Iterable<string>) {
    for (const name of declared) this.#taken.add(name);
  }

  /** The local name of an imported symbol (the same symbol always gets the same name). */
  local(name: string): string {
    let local = this.#local.get(name);
    if (local === undefined) {
      local = name;
      while (this.#taken.has(local)) local = `$${local}`;
      this.#taken.add(local);
      this.#local.set(name, local);
    }
    return local;
  }

  /** `Name` or `Name as $Name`, for an import list. */
  specifier(name: string, typeOnly = false): string {
    const local = this.local(name);
    return `${typeOnly ? 'type ' : ''}${local === name ? name : `${name} as ${local}`}`;
  }
}
