/**
 * Words and shell lines for a request-signing scheme, read from the model's SigningTrait, so the
 * reference, the curl snippets and the OpenAPI description all say what the configured scheme does
 * (no API's scheme is assumed here).
 */
import type { SigningPart, SigningTrait } from '../model/types.js';

const ALGORITHM_NAMES: Record<SigningTrait['algorithm'], string> = { sha1: 'SHA-1', sha256: 'SHA-256' };
const SUM_COMMANDS: Record<SigningTrait['algorithm'], string> = { sha1: 'sha1sum', sha256: 'sha256sum' };

/** The headers a signed request carries, time first. */
export function signingHeaders(signing: SigningTrait): string[] {
  return signing.timeHeader ? [signing.timeHeader, signing.signatureHeader] : [signing.signatureHeader];
}

function timeText(signing: SigningTrait): string {
  return `the current Unix time in ${signing.timeUnit}`;
}

function partText(part: SigningPart, signing: SigningTrait, optionName: (variable: string) => string): string {
  if (typeof part === 'object') return `the value of the \`${optionName(part.variable)}\` option`;
  switch (part) {
    case 'body':
      return 'the raw body, byte for byte as sent (nothing when there is none)';
    case 'time':
      return signing.timeHeader ? `the \`${signing.timeHeader}\` value` : timeText(signing);
    case 'method':
      return 'the HTTP method';
    case 'url':
      return 'the full URL as sent';
  }
}

/** One sentence per header, in Markdown: what each holds and how the signature is computed. */
export function signingSentences(signing: SigningTrait, optionName: (variable: string) => string): string[] {
  const parts = signing.parts.map((part) => partText(part, signing, optionName)).join(', then ');
  const signature = `\`${signing.signatureHeader}\`: the ${signing.hexCase}-case hex ${ALGORITHM_NAMES[signing.algorithm]} of ${parts}, concatenated with no separator.`;
  return signing.timeHeader ? [`\`${signing.timeHeader}\`: ${timeText(signing)};`, signature] : [signature];
}

/** Shell words for what a signature can cover: the body, the method, the URL and each variable. */
export interface SigningWords {
  body: string;
  method: string;
  url: string;
  variable: (name: string) => string;
}

/** Shell lines that compute the headers, and the curl arguments that send them. */
export function signingShellLines(signing: SigningTrait, words: SigningWords): { lines: string[]; headers: string[] } {
  const lines: string[] = [];
  const uses = (part: SigningPart): boolean => signing.parts.includes(part);
  if (signing.timeHeader || uses('time'))
    lines.push(signing.timeUnit === 'milliseconds' ? 'TIME=$(date +%s%3N)' : 'TIME=$(date +%s)');
  const values = signing.parts.map((part) => {
    if (typeof part === 'object') return words.variable(part.variable);
    return { body: words.body, time: '"$TIME"', method: words.method, url: words.url }[part];
  });
  const upper = signing.hexCase === 'upper' ? " | tr 'a-f' 'A-F'" : '';
  lines.push(
    `SIGNATURE=$(printf '${'%s'.repeat(values.length)}' ${values.join(' ')} | ${SUM_COMMANDS[signing.algorithm]} | cut -d' ' -f1${upper})`,
  );
  const headers = [
    ...(signing.timeHeader ? [`-H '${signing.timeHeader}: '"$TIME"`] : []),
    `-H '${signing.signatureHeader}: '"$SIGNATURE"`,
  ];
  return { lines, headers };
}
