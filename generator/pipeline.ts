import { createHash } from 'node:crypto';
import { buildOptionsOf, type ClientConfig } from './config.js';
import { emitClient } from './emit/index.js';
import { buildReference, emitDocs } from './docs/index.js';
import { renderOpenApi } from './openapi/index.js';
import { inputFiles, inputText, parseCollectionInput, readCollectionInput } from './load/index.js';
import { buildModel, type ApiModel, type Diagnostic } from './model/index.js';
import { operationsOf } from './model/find.js';
import type { ManifestInput } from './output.js';
import { CodegenError } from './errors.js';

/** The largest client generated: beyond it, a client is better split (and generation would need gigabytes). */
export const MAX_OPERATIONS = 10_000;

export interface Generated {
  model: ApiModel;
  files: Map<string, string>;
  diagnostics: Diagnostic[];
  inputHash: string;
  /** What the manifest says of a folder input (its files), beside the hash. */
  input?: ManifestInput;
  operations: number;
  resources: number;
}

function countResources(model: ApiModel): number {
  const count = (resources: ApiModel['resources']): number =>
    resources.reduce((sum, resource) => sum + 1 + count(resource.resources), 0);
  return count(model.resources);
}

/** Collection → model → files, all in memory. */
export async function generateClient(client: ClientConfig, configFile?: string): Promise<Generated> {
  const input = await readCollectionInput(client.collection);
  const display = input.display;
  const loaded = parseCollectionInput(input);
  const {
    collection: _collection,
    out: _out,
    name,
    overrides,
    names,
    pagination,
    inference,
    docs,
    openapi,
    ...profile
  } = client;
  const { model, diagnostics } = buildModel(loaded, buildOptionsOf(client, configFile));
  const perFolder = collectOperationCounts(model);
  const count = [...perFolder.values()].reduce((sum, n) => sum + n, 0);
  if (count === 0) {
    throw new CodegenError(
      'has no requests (only empty folders, or nothing): there is nothing to generate.',
      display,
      '$.item',
      'Add at least one request to the collection.',
    );
  }
  if (count > MAX_OPERATIONS) {
    const [biggest, size] = [...perFolder].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    throw new CodegenError(
      `has ${count} requests; a generated client holds at most ${MAX_OPERATIONS} operations (the largest folder, "${biggest}", has ${size}).`,
      display,
      biggest ? `item "${biggest}"` : undefined,
      'Split the collection into several collections, one client each (the model command has no such limit).',
    );
  }
  const scripts = new Set(
    [...operationsOf(model.operations, model.resources)].flatMap((operation) => operation.scripts.prerequest),
  );
  if (scripts.size > 0 && !model.signing) {
    diagnostics.push({
      level: 'warning',
      message: `pre-request scripts (${[...scripts].join(', ')}) do not run in the generated client; if they sign requests or compute headers, configure a signer or add a beforeRequest hook`,
      where: display,
    });
  }
  const { files, plan } = await emitClient(model, name ? { clientName: name } : {});
  for (const type of plan.unsupportedAuth) {
    diagnostics.push({
      level: 'warning',
      message: `auth type "${type}" is not performed by the generated client (its operations say so in their docs)`,
      where: display,
    });
  }
  if (docs !== false || openapi !== false) {
    // The reference reads the client's plan, so docs and OpenAPI use the exact names the client has.
    const reference = buildReference(model, { plan });
    if (docs !== false) for (const [file, content] of emitDocs(reference)) files.set(file, content);
    if (openapi !== false) files.set('openapi.json', renderOpenApi(reference));
  }
  // Hashed in two parts: the same digest as of the two joined, without copying a 40 MB collection to join them.
  const inputHash = createHash('sha256')
    .update(inputText(input))
    .update(
      `\u0000${JSON.stringify({ name, overrides, names, pagination, inference, profile, ...(docs === false ? { docs } : {}), ...(openapi === false ? { openapi } : {}) })}`,
    )
    .digest('hex');
  const operations = plan.operations.length;
  const inputHashes = inputFiles(input);
  return {
    model,
    files,
    diagnostics,
    inputHash,
    ...(inputHashes ? { input: { folder: display.split('/').pop() ?? display, files: inputHashes } } : {}),
    operations,
    resources: countResources(model),
  };
}

/** Operations per folder (the top level is ""), for the size limit's message. */
function collectOperationCounts(model: ApiModel): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (operations: ApiModel['operations'], resources: ApiModel['resources'], where: string): void => {
    if (operations.length > 0) counts.set(where, (counts.get(where) ?? 0) + operations.length);
    for (const resource of resources)
      visit(resource.operations, resource.resources, resource.source.itemPath.join(' / '));
  };
  visit(model.operations, model.resources, '');
  return counts;
}
