/**
 * Random collections full of hostile text: the generated client type-checks strictly, is the same
 * on every run, exports each name once, and no collection string ever becomes code — a canary
 * payload may appear only inside string literals and comments, and importing the client never
 * runs it.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CodegenError } from '../generator/errors.js';
import { generateClient } from '../generator/pipeline.js';
import { CANARY, collection } from './hostile-collections.js';
import { STRICT, typeCheck, writeFiles } from './support.js';

function exportedNames(source: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const names: string[] = [];
  for (const statement of file.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) names.push(d.name.getText());
    else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node))
      names.push((statement.name as ts.Identifier).text);
  }
  return names;
}

function codeIdentifiers(source: string): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, source);
  const identifiers = new Set<string>();
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.Identifier || token === ts.SyntaxKind.PrivateIdentifier)
      identifiers.add(scanner.getTokenText());
  }
  return identifiers;
}

describe('hostile random collections', () => {
  it('give strict, deterministic, collision-free clients where no collection text becomes code', async () => {
    // A fresh seed each run (test/property-seed.ts), printed with any failure: FC_SEED replays it.
    const seed = fc.readConfigureGlobal().seed as number;
    const samples = fc.sample(collection, { numRuns: 12, seed });
    const workspace = await mkdtemp(path.join(tmpdir(), 'pc-hostile-'));
    await writeFile(path.join(workspace, 'package.json'), '{"type": "module"}\n');
    const entries: string[] = [];
    const generatedIndexes: number[] = [];
    for (const [index, sample] of samples.entries()) {
      const file = path.join(workspace, `c${index}.json`);
      await writeFile(file, JSON.stringify(sample));
      const first = await generateClient({ collection: file, out: 'unused' }).catch((error: unknown) => {
        // A collection of empty folders has nothing to generate: a clear refusal is the right answer.
        if (error instanceof CodegenError && /has no requests/.test(error.message)) return undefined;
        throw error;
      });
      if (!first) continue;
      generatedIndexes.push(index);
      const second = await generateClient({ collection: file, out: 'unused' });
      expect([...second.files], `seed ${seed}`).toEqual([...first.files]);
      const folderName = path.join(workspace, `client${index}`);
      await writeFiles(folderName, first.files);
      entries.push(path.join(folderName, 'index.ts'));

      const modules = ['client.ts', 'operations.ts', 'types.ts'].map((name) =>
        exportedNames(first.files.get(name) ?? '', name),
      );
      const all = modules.flat();
      expect(new Set(all).size, `duplicate exports in client ${index}, seed ${seed}`).toBe(all.length);

      for (const [name, content] of first.files) {
        if (!name.endsWith('.ts')) continue;
        expect(
          codeIdentifiers(content).has(CANARY),
          `${name} of client ${index} turned collection text into code, seed ${seed}`,
        ).toBe(false);
      }
    }
    expect(typeCheck(entries), `seed ${seed}`).toEqual([]);

    for (const index of generatedIndexes) {
      const module = (await import(path.join(workspace, `client${index}`, 'index.ts'))) as Record<string, unknown>;
      const Client = Object.entries(module).find(
        ([name, value]) => name.endsWith('Client') && typeof value === 'function',
      )?.[1] as new (options: Record<string, string>) => unknown;
      expect(typeof Client, `client ${index}, seed ${seed}`).toBe('function');
      expect(new Client({}), `client ${index}, seed ${seed}`).toBeInstanceOf(Client);
    }
    expect((globalThis as Record<string, unknown>)[CANARY]).toBeUndefined();
    // The canaries are really in the output (inside literals and comments), so the test is not vacuous.
    const clientText = await readFile(path.join(workspace, `client${generatedIndexes[0]}`, 'client.ts'), 'utf8');
    const allText =
      (
        await Promise.all(
          (await readdir(workspace))
            .filter((n) => n.startsWith('client'))
            .map((n) => readFile(path.join(workspace, n, 'types.ts'), 'utf8')),
        )
      ).join('') + clientText;
    expect(allText).toContain(CANARY);
    expect(STRICT.strict).toBe(true);
  }, 240_000);
});
