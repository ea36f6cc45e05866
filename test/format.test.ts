/**
 * The generated files are printed formatted: prettier, with the project's own `.prettierrc.json`
 * (the file a plain `prettier --check` reads), leaves every generated TypeScript file unchanged,
 * for every fixture collection, a large synthetic one, and hostile random ones (names and text
 * built to break code: quotes of every kind, wide characters, long unions, reserved words).
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { CodegenError } from '../generator/errors.js';
import { generateClient } from '../generator/pipeline.js';
import { syntheticCollection } from '../scripts/bench/synthetic.js';
import { accengageCollection } from './helpers.js';
import { collection as hostileCollection } from './hostile-collections.js';

const FIXTURES = path.join('test', 'fixtures', 'collections');

async function prettierOptions(): Promise<prettier.Options> {
  return { ...(JSON.parse(await readFile('.prettierrc.json', 'utf8')) as prettier.Options), parser: 'typescript' };
}

/** Every generated .ts file of a collection, with what prettier makes of it. */
async function judge(collection: string): Promise<Array<{ name: string; text: string; formatted: string }>> {
  const { files } = await generateClient({ collection, out: 'unused' });
  const options = await prettierOptions();
  const code = [...files.keys()].filter((name) => name.endsWith('.ts') && !name.startsWith('runtime/'));
  expect(code).toEqual(expect.arrayContaining(['client.ts', 'operations.ts', 'types.ts', 'index.ts']));
  return Promise.all(
    code.map(async (name) => {
      const text = files.get(name) ?? '';
      return { name, text, formatted: await prettier.format(text, options) };
    }),
  );
}

async function expectFormatted(collection: string, label: string): Promise<void> {
  for (const { name, text, formatted } of await judge(collection)) {
    expect(text.length, `${label}: ${name}`).toBeGreaterThan(0);
    expect(text, `${label}: ${name}`).toBe(formatted);
  }
}

describe('formatting by construction', () => {
  it('leaves nothing for prettier to change in the Accengage client', async () => {
    await expectFormatted(accengageCollection, 'Accengage');
  }, 60_000);

  it('leaves nothing for prettier to change in any fixture collection', async () => {
    const fixtures = (await readdir(FIXTURES)).sort();
    expect(fixtures.length).toBeGreaterThan(10);
    for (const fixture of fixtures) await expectFormatted(path.join(FIXTURES, fixture), fixture);
  }, 120_000);

  it('leaves nothing for prettier to change in a 300-request collection', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'pc-format-')), 'synthetic.json');
    await writeFile(file, JSON.stringify(syntheticCollection(300)));
    await expectFormatted(file, 'synthetic');
  }, 120_000);

  it('leaves nothing for prettier to change in hostile random collections', async () => {
    // A fresh seed each run (test/property-seed.ts), printed with any failure: FC_SEED replays it.
    const seed = fc.readConfigureGlobal().seed as number;
    const workspace = await mkdtemp(path.join(tmpdir(), 'pc-format-hostile-'));
    let judged = 0;
    for (const [index, sample] of fc.sample(hostileCollection, { numRuns: 25, seed }).entries()) {
      const file = path.join(workspace, `c${index}.json`);
      await writeFile(file, JSON.stringify(sample));
      const results = await judge(file).catch((error: unknown) => {
        if (error instanceof CodegenError && /has no requests/.test(error.message)) return [];
        throw error;
      });
      for (const { name, text, formatted } of results)
        expect(text, `${name} of c${index}, seed ${seed}`).toBe(formatted);
      if (results.length > 0) judged++;
    }
    expect(judged).toBeGreaterThan(10);
  }, 240_000);
});
