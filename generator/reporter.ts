/** Where the CLI's words go, how loud it is, and whether it may use colour. */
import type { Diagnostic } from './model/types.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour is allowed: a terminal, and no NO_COLOR in the environment. */
  color?: boolean;
  /** Colour is allowed on standard output too (it is a terminal as well); defaults to `color`. */
  outputColor?: boolean;
}

export const processIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stderr.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb',
  outputColor: Boolean(process.stdout.isTTY),
});

export class Reporter {
  constructor(
    readonly io: Io,
    readonly level: 'quiet' | 'normal' | 'verbose' = 'normal',
  ) {}

  private paint(code: number, text: string): string {
    return this.io.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  /** The one-line summaries and results: silent with --quiet. */
  info(text: string): void {
    if (this.level !== 'quiet') this.io.stdout(`${text}\n`);
  }

  /** Details for --verbose. */
  detail(text: string): void {
    if (this.level === 'verbose') this.io.stderr(`${this.paint(2, text)}\n`);
  }

  warn(diagnostic: Diagnostic): void {
    if (diagnostic.level === 'info') this.detail(`${diagnostic.where}: ${diagnostic.message}`);
    else if (this.level !== 'quiet')
      this.io.stderr(`${this.paint(33, 'warning')}: ${diagnostic.where}: ${diagnostic.message}\n`);
  }

  error(text: string): void {
    this.io.stderr(`${this.paint(31, 'error')}: ${text}\n`);
  }

  /** Colours text meant for `output`: only when standard output is a terminal too, so a redirected report stays plain. */
  paintOutput(code: number, text: string): string {
    return this.io.outputColor === false ? text : this.paint(code, text);
  }

  /** Text that is the command's output (a model on stdout, say): never silenced. */
  output(text: string): void {
    this.io.stdout(text);
  }

  failure(text: string): void {
    this.io.stderr(`${text}\n`);
  }
}
