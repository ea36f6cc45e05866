import { readFile } from 'node:fs/promises';
import type { ClientConfig } from './config.js';
import { emitClient } from './emit/index.js';
import { parseCollection } from './load/index.js';
import { buildModel, type ApiModel, type Diagnostic } from './model/index.js';
import { sha256 } from './output.js';
import { CodegenError } from './errors.js';

export interface Generated {
  model: ApiModel;
  files: Map<string, string>;
  diagnostics: Diagnostic[];
  inputHash: string;
  operations: number;
  resources: number;
}

function countResources(model: ApiModel): number {
  const count = (resources: ApiModel['resources']): number => resources.reduce((sum, resource) => sum + 1 + count(resource.resources), 0);
  return count(model.resources);
}

/** Collection → model → files, all in memory. */
export async function generateClient(client: ClientConfig, configFile?: string): Promise<Generated> {
  const display = client.collection.split('\\').join('/');
  const text = await readFile(client.collection, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CodegenError(
      error.code === 'ENOENT' ? 'does not exist.' : error.code === 'EISDIR' ? 'is a folder, not a file.' : `cannot be read (${error.code ?? error.message}).`,
      display,
      undefined,
      'Check the path to the collection.',
    );
  });
  const loaded = parseCollection(text, display);
  const { collection: _collection, out: _out, name, overrides, names, pagination, ...profile } = client;
  const { model, diagnostics } = buildModel(loaded, {
    ...(overrides ? { overrides } : {}),
    ...(names ? { names } : {}),
    ...(pagination ? { pagination } : {}),
    profile,
    ...(configFile ? { configFile } : {}),
  });
  if (model.operations.length === 0 && model.resources.length === 0) {
    throw new CodegenError('has no requests: there is nothing to generate.', display, '$.item', 'Add at least one request to the collection.');
  }
  const scripts = new Set([...collectScriptLevels(model)]);
  if (scripts.size > 0 && !model.signing) {
    diagnostics.push({
      level: 'warning',
      message: `pre-request scripts (${[...scripts].join(', ')}) do not run in the generated client; if they sign requests or compute headers, configure a signer or add a beforeRequest hook`,
      where: display,
    });
  }
  const { files, plan } = await emitClient(model, name ? { clientName: name } : {});
  for (const type of plan.unsupportedAuth) {
    diagnostics.push({ level: 'warning', message: `auth type "${type}" is not performed by the generated client (its operations say so in their docs)`, where: display });
  }
  const inputHash = sha256(`${text}\u0000${JSON.stringify({ name, overrides, names, pagination, profile })}`);
  const operations = plan.operations.length;
  return { model, files, diagnostics, inputHash, operations, resources: countResources(model) };
}

function* collectScriptLevels(model: ApiModel): Generator<string> {
  const visit = function* (operations: ApiModel['operations'], resources: ApiModel['resources']): Generator<string> {
    for (const operation of operations) yield* operation.scripts.prerequest;
    for (const resource of resources) yield* visit(resource.operations, resource.resources);
  };
  yield* visit(model.operations, model.resources);
}
