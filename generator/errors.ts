/**
 * Errors the user can act on. They carry the file and the place inside it, and the CLI prints
 * them as one paragraph with no stack trace. Anything that is not a CodegenError is a bug.
 */
export class CodegenError extends Error {
  override readonly name = 'CodegenError';

  constructor(
    message: string,
    readonly file: string,
    /** Where inside the file: "line 3, column 7", an item path, or a JSON path. */
    readonly where?: string,
    /** What the user can do about it. */
    readonly hint?: string,
    /** Process exit code: 2 for bad input or usage. */
    readonly exitCode = 2,
  ) {
    super(message);
  }

  /** The one-paragraph form shown to users. */
  format(): string {
    const place = this.where ? `${this.file} (${this.where})` : this.file;
    return `${place}: ${this.message}${this.hint ? ` ${this.hint}` : ''}`;
  }
}
