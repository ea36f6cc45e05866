/**
 * A third-party tool consumes openapi.json: openapi-typescript turns each document into types, and
 * those type-check under strict settings, with the Accengage operations where a user looks for them.
 */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { buildReference } from '../generator/docs/reference.js';
import { renderOpenApi } from '../generator/openapi/index.js';
import { fixture, modelOf, modelOfJson, root } from './helpers.js';
import { syntheticCollection } from '../scripts/bench/synthetic.js';
import { typeCheck } from './support.js';
import { accengageOpenApi } from './docs-support.js';

async function typesOf(openapi: string): Promise<string> {
  return astToString(await openapiTS(JSON.parse(openapi)));
}

describe('openapi-typescript reads openapi.json', () => {
  it('for Accengage and every fixture collection, into types that type-check strictly', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'pc-openapi-ts-'));
    const entries: string[] = [];
    const accengage = await typesOf(await accengageOpenApi());
    await writeFile(path.join(folder, 'accengage.ts'), accengage);
    // What a user of those types writes: the devices list's query and one CSV row's fields.
    await writeFile(
      path.join(folder, 'use-accengage.ts'),
      [
        "import type { operations, paths } from './accengage.js';",
        "export const query: NonNullable<paths['/v1/me/apps/{partnerId}/devices']['get']['parameters']['query']> = { lastOpen: '2017-10-01' };",
        "export const partner: operations['devicesList']['parameters']['path']['partnerId'] = '12345678';",
        "export type Apps = operations['appsList']['responses'][200]['content']['application/json'];",
        // The shared Device entity is one type, the one a device lookup returns.
        "import type { components } from './accengage.js';",
        "export const deviceId: components['schemas']['Device']['deviceId'] = '5f1c9b2e-3a44-4d5e-9b1a-0c2d3e4f5a6b';",
        "export const sameDevice = (device: components['schemas']['Device']): operations['devicesGet']['responses'][200]['content']['application/json'] => device;",
        '',
      ].join('\n'),
    );
    entries.push(path.join(folder, 'use-accengage.ts'));
    for (const name of (await readdir(path.join(root, 'test/fixtures/collections'))).sort()) {
      const { model } = await modelOf(fixture(name));
      const file = path.join(folder, `${name.replace(/\W/g, '_')}.ts`);
      await writeFile(file, await typesOf(renderOpenApi(buildReference(model))));
      entries.push(file);
    }
    // Entities that hold entities (every synthetic thing's Owner) resolve too.
    const synthetic = path.join(folder, 'synthetic.ts');
    await writeFile(
      synthetic,
      await typesOf(renderOpenApi(buildReference(modelOfJson(syntheticCollection(40)).model))),
    );
    entries.push(synthetic);
    expect(accengage).toContain('devicesList: {');
    expect(typeCheck(entries)).toEqual([]);
  }, 120_000);
});
