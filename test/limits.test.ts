/** Large and pathological inputs complete, or fail with a clear message, within bounds. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodegenError } from '../generator/errors.js';
import { MAX_OPERATIONS, generateClient } from '../generator/pipeline.js';
import { syntheticCollection } from '../scripts/bench/synthetic.js';
import { V21 } from './helpers.js';
import { typeCheck, writeFiles } from './support.js';

async function fileWith(json: unknown): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pc-limits-'));
  const file = path.join(folder, 'c.json');
  await writeFile(file, JSON.stringify(json));
  return file;
}

describe('limits', () => {
  it('generates a 2,000-request collection into a client that type-checks', async () => {
    const file = await fileWith(syntheticCollection(2000));
    const generated = await generateClient({ collection: file, out: 'unused' });
    expect(generated.operations).toBe(2000);
    const out = path.join(path.dirname(file), 'client');
    await writeFile(path.join(path.dirname(file), 'package.json'), '{"type": "module"}\n');
    await writeFiles(out, generated.files);
    expect(typeCheck([path.join(out, 'index.ts')])).toEqual([]);
  }, 180_000);

  it('refuses a folder of more operations than a client holds, naming it', async () => {
    const items = Array.from({ length: MAX_OPERATIONS + 1 }, (_, i) => ({
      id: `r${i}`,
      name: `Get ${i}`,
      request: `https://x.io/items/${i}`,
    }));
    const file = await fileWith({ info: { name: 'Flat', schema: V21 }, item: [{ name: 'Huge', item: items }] });
    const error = await generateClient({ collection: file, out: 'unused' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).where).toBe('item "Huge"');
    expect((error as CodegenError).message).toContain(`has ${MAX_OPERATIONS + 1} requests`);
  }, 60_000);

  it('refuses an oversized collection before modelling it: its size is the error, not a later one', async () => {
    const items = Array.from({ length: MAX_OPERATIONS + 1 }, (_, i) => ({
      id: `r${i}`,
      name: `Get ${i}`,
      request: `https://x.io/items/${i}`,
    }));
    const file = await fileWith({
      info: { name: 'Nested', schema: V21 },
      item: [
        { name: 'Top', request: 'https://x.io/top' },
        {
          name: 'Outer',
          item: [
            { name: 'Small', item: items.slice(0, 10) },
            { name: 'Big', item: items.slice(10) },
          ],
        },
      ],
    });
    // A names entry matching nothing is refused by the model builder; the size must be refused first.
    const error = await generateClient({ collection: file, out: 'unused', names: { 'No such request': 'x' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).where).toBe('item "Outer / Big"');
    expect((error as CodegenError).message).toBe(
      `has ${MAX_OPERATIONS + 2} requests; a generated client holds at most ${MAX_OPERATIONS} operations (the largest folder, "Outer / Big", has ${MAX_OPERATIONS - 9}).`,
    );
  }, 60_000);

  it('cuts a 1 MB description in the generated docs and keeps it whole in the model', async () => {
    const description = 'line */ ${x}\n'.repeat(80_000);
    const file = await fileWith({
      info: { name: 'Desc', schema: V21 },
      item: [{ name: 'R', request: { method: 'GET', url: 'https://x.io/a', description } }],
    });
    const generated = await generateClient({ collection: file, out: 'unused' });
    const client = generated.files.get('client.ts') ?? '';
    expect(client.length).toBeLessThan(40_000);
    expect(client).toMatch(/… \(798\d\d more lines in model\.json\)/);
    expect(JSON.parse(generated.files.get('model.json') ?? '{}').operations[0].description).toBe(description);
  }, 60_000);

  it('types deeply nested examples down to a bound, then unknown', async () => {
    let deepArray = '1';
    for (let i = 0; i < 100_000; i++) deepArray = `[${deepArray}]`;
    let deepObject = '1';
    for (let i = 0; i < 5_000; i++) deepObject = `{"a":${deepObject}}`;
    const file = await fileWith({
      info: { name: 'Deep', schema: V21 },
      item: [
        {
          name: 'R',
          request: { method: 'POST', url: 'https://x.io/a', body: { mode: 'raw', raw: deepObject } },
          response: [
            { name: 'a', code: 200, body: deepArray },
            { name: 'b', code: 201, body: deepObject },
          ],
        },
      ],
    });
    const generated = await generateClient({ collection: file, out: 'unused' });
    const types = generated.files.get('types.ts') ?? '';
    expect(types).toContain('unknown');
    expect(types.length).toBeLessThan(200_000);
  }, 60_000);
});

describe('nothing to generate', () => {
  it('refuses a collection of empty folders, clearly', async () => {
    const file = await fileWith({
      info: { name: 'Empty', schema: V21 },
      item: [
        { name: 'A', item: [] },
        { name: 'B', item: [{ name: 'C', item: [] }] },
      ],
    });
    await expect(generateClient({ collection: file, out: 'unused' })).rejects.toThrow(/has no requests/);
  });
});
