/**
 * The generated files are formatted as prettier itself formats them, whole and with its
 * typescript parser, although the generator formats large files in chunks with babel-ts.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { generateClient } from '../generator/pipeline.js';
import { syntheticCollection } from '../scripts/bench/synthetic.js';
import { accengageCollection } from './helpers.js';

describe('formatting', () => {
  it.each([
    ['a 120-request collection (formatted in chunks)', 120],
    ['the Accengage collection', 0],
  ])(
    'leaves nothing for prettier to change in %s',
    async (_name, size) => {
      let collection = accengageCollection;
      if (size > 0) {
        collection = path.join(await mkdtemp(path.join(tmpdir(), 'pc-format-')), 'synthetic.json');
        await writeFile(collection, JSON.stringify(syntheticCollection(size)));
      }
      const { files } = await generateClient({ collection, out: 'unused' });
      // The file a plain `prettier --check` reads, not the generator's copy of it.
      const options = JSON.parse(await readFile('.prettierrc.json', 'utf8')) as prettier.Options;
      const code = [...files.keys()].filter((name) => name.endsWith('.ts'));
      expect(code).toEqual(expect.arrayContaining(['client.ts', 'operations.ts', 'types.ts', 'index.ts']));
      for (const name of code) {
        const text = files.get(name) ?? '';
        expect(text.length, name).toBeGreaterThan(0);
        expect(await prettier.format(text, { ...options, parser: 'typescript' }), name).toBe(text);
      }
    },
    120_000,
  );
});
