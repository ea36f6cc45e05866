/**
 * Writes generator/model/identifier-tables.ts: the code points TypeScript's own scanner accepts
 * at the start and inside an identifier, as sorted ranges. The generator needs only these two
 * answers from TypeScript, and loading TypeScript for them cost more CPU than the rest of a
 * small generation. `test/identifier-tables.test.ts` fails when the installed TypeScript
 * disagrees with the committed tables; this script brings them up to date.
 *
 * Usage: npm run build && node dist/scripts/tables/identifier-tables.js
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';
import { packageRoot } from '../../generator/paths.js';

/** Highest Unicode code point. */
const MAX_CODE_POINT = 0x10ffff;

/** Sorted, inclusive [first, last] ranges of the non-ASCII code points `accepts` says yes to. */
export function acceptedRanges(accepts: (codePoint: number) => boolean): number[] {
  const flat: number[] = [];
  let open = -1;
  for (let codePoint = 128; codePoint <= MAX_CODE_POINT + 1; codePoint++) {
    const yes = codePoint <= MAX_CODE_POINT && accepts(codePoint);
    if (yes && open < 0) open = codePoint;
    if (!yes && open >= 0) {
      flat.push(open, codePoint - 1);
      open = -1;
    }
  }
  return flat;
}

export const typeScriptStart = (codePoint: number): boolean => ts.isIdentifierStart(codePoint, ts.ScriptTarget.ESNext);
export const typeScriptPart = (codePoint: number): boolean => ts.isIdentifierPart(codePoint, ts.ScriptTarget.ESNext);

function tableSource(): string {
  const rows = (name: string, doc: string, flat: number[]): string => {
    const lines: string[] = [];
    for (let at = 0; at < flat.length; at += 12) lines.push(`  ${flat.slice(at, at + 12).join(', ')},`);
    return `/** ${doc} */\nexport const ${name}: readonly number[] = [\n${lines.join('\n')}\n];\n`;
  };
  return [
    `// Written by scripts/tables/identifier-tables.ts from TypeScript ${ts.version}. Do not edit: run the script.\n`,
    rows(
      'IDENTIFIER_START',
      'Non-ASCII code points TypeScript accepts at the start of an identifier, as [first, last] pairs.',
      acceptedRanges(typeScriptStart),
    ),
    rows(
      'IDENTIFIER_PART',
      'Non-ASCII code points TypeScript accepts inside an identifier, as [first, last] pairs.',
      acceptedRanges(typeScriptPart),
    ),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('tables', 'identifier-tables.js'))) {
  const target = path.join(packageRoot, 'generator', 'model', 'identifier-tables.ts');
  const options = JSON.parse(readFileSync(path.join(packageRoot, '.prettierrc.json'), 'utf8')) as prettier.Options;
  writeFileSync(target, await prettier.format(tableSource(), { ...options, parser: 'typescript' }));
  console.log(`wrote ${path.relative(packageRoot, target)} (TypeScript ${ts.version})`);
}
